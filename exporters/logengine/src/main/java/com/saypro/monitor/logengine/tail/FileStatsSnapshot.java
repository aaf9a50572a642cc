package com.saypro.monitor.logengine.tail;

import java.time.Duration;
import java.util.Map;

/**
 * Self-statistics of one watched path at one moment. Counters are cumulative since the engine started.
 *
 * @param linesSkipped    lines not counted as read, by reason: {@code too_long}, {@code sink_error}, and whatever
 *                        the consumer reports through {@link LineSource#skipped} (e.g. {@code parse_error})
 * @param lagBytes        bytes between the last delivered line and the end of the file at the last poll
 * @param checkpointAge   time since this path's position was last made durable
 */
public record FileStatsSnapshot(
        String path,
        FileState state,
        String lastError,
        long linesRead,
        long bytesRead,
        Map<String, Long> linesSkipped,
        long rotations,
        long truncations,
        long readErrors,
        long lagBytes,
        Duration checkpointAge) {

    public FileStatsSnapshot {
        linesSkipped = Map.copyOf(linesSkipped);
    }

    public long skipped(String reason) {
        return linesSkipped.getOrDefault(reason, 0L);
    }
}
