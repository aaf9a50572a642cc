package com.saypro.monitor.logengine.tail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to tail: which files, where to keep positions, and the bounds that keep memory and loss finite.
 *
 * @param paths                  files or globs ({@code /var/log/nginx/*.log}); globs are re-expanded every poll
 * @param stateFile              checkpoint file, rewritten atomically
 * @param maxLineBytes           longer lines are skipped (counted as {@code too_long}), never buffered whole
 * @param checkpointInterval     {@link Duration#ZERO} = after every poll that read something; otherwise at most
 *                               this often. It bounds the duplicates after a crash: only lines read since the last
 *                               checkpoint are delivered again
 * @param startPosition          for files with no checkpoint at first start
 * @param rotatedFileGrace       how long a rotated-away file is kept open after it last grew
 * @param maxBytesPerFilePerPoll bounds one poll's work on a huge backlog so checkpoints and other files keep up
 */
public record TailerConfig(
        List<String> paths,
        Path stateFile,
        int maxLineBytes,
        Duration checkpointInterval,
        StartPosition startPosition,
        Duration rotatedFileGrace,
        long maxBytesPerFilePerPoll) {

    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    public TailerConfig {
        paths = List.copyOf(paths);
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(startPosition, "startPosition");
        Objects.requireNonNull(rotatedFileGrace, "rotatedFileGrace");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must name at least one file or glob");
        }
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1, got " + maxLineBytes);
        }
        if (checkpointInterval.isNegative() || rotatedFileGrace.isNegative()) {
            throw new IllegalArgumentException("checkpointInterval and rotatedFileGrace must not be negative");
        }
        if (maxBytesPerFilePerPoll < 1) {
            throw new IllegalArgumentException("maxBytesPerFilePerPoll must be >= 1, got " + maxBytesPerFilePerPoll);
        }
    }

    /** Checkpoint after every poll, 64 KiB lines, start at the beginning, keep rotated files 5 minutes. */
    public static TailerConfig of(List<String> paths, Path stateFile) {
        return new TailerConfig(paths, stateFile, DEFAULT_MAX_LINE_BYTES, Duration.ZERO, StartPosition.BEGINNING,
                Duration.ofMinutes(5), 64L * 1024 * 1024);
    }

    public TailerConfig withMaxLineBytes(int value) {
        return new TailerConfig(paths, stateFile, value, checkpointInterval, startPosition, rotatedFileGrace,
                maxBytesPerFilePerPoll);
    }

    public TailerConfig withCheckpointInterval(Duration value) {
        return new TailerConfig(paths, stateFile, maxLineBytes, value, startPosition, rotatedFileGrace,
                maxBytesPerFilePerPoll);
    }

    public TailerConfig withStartPosition(StartPosition value) {
        return new TailerConfig(paths, stateFile, maxLineBytes, checkpointInterval, value, rotatedFileGrace,
                maxBytesPerFilePerPoll);
    }

    public TailerConfig withRotatedFileGrace(Duration value) {
        return new TailerConfig(paths, stateFile, maxLineBytes, checkpointInterval, startPosition, value,
                maxBytesPerFilePerPoll);
    }

    public TailerConfig withMaxBytesPerFilePerPoll(long value) {
        return new TailerConfig(paths, stateFile, maxLineBytes, checkpointInterval, startPosition, rotatedFileGrace,
                value);
    }
}
