package com.saypro.monitor.logengine.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one watched path across rotations. The file currently at the path is "live"; a file that left the path
 * (renamed, deleted, symlink switched) becomes "rotated" and keeps being drained through its open descriptor,
 * because writers such as nginx keep appending to the old file until they reopen their logs. It is closed
 * once it has not grown for the configured grace period.
 */
final class FileFollower implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(FileFollower.class);

    private final Path path;
    private final String watchedPath;
    private final TailerConfig config;
    private final Clock clock;
    private final LineSink sink;
    private final FileStats stats;
    private final List<OpenLogFile> rotated = new ArrayList<>();
    private List<FileCheckpoint> resumeFrom;
    private boolean startAtEnd;
    private OpenLogFile live;

    FileFollower(Path path, List<FileCheckpoint> resumeFrom, boolean startAtEnd, TailerConfig config,
            Clock clock, LineSink sink) {
        this.path = path;
        this.watchedPath = path.toString();
        this.resumeFrom = List.copyOf(resumeFrom);
        this.startAtEnd = startAtEnd && resumeFrom.isEmpty();
        this.config = config;
        this.clock = clock;
        this.sink = sink;
        this.stats = new FileStats(watchedPath, clock.instant());
    }

    /** Reads whatever is new; returns the number of bytes read. Errors are recorded in the stats, not thrown. */
    long poll(ByteBuffer buffer) {
        Instant now = clock.instant();
        long read = 0;
        if (!resumeFrom.isEmpty()) {
            resume(now);
        }
        read += drainRotated(buffer, now);
        PathStatus status = PathStatus.of(path);
        try {
            if (live != null) {
                // checked on the open file, not the path: it may be truncated after being renamed away
                if (live.truncatedOrReplaced(live.size())) {
                    live.restartAtZero();
                    stats.truncated();
                }
                // finish the old file to its current end before looking at a new one
                read += live.drain(buffer, config.maxBytesPerFilePerPoll(), now);
                if (!live.identity().equals(status.identity())) {
                    rotated.add(live);
                    live = null;
                    if (status.identity() != null) {
                        stats.rotated();
                    }
                }
            }
            if (live == null && status.identity() != null) {
                live = OpenLogFile.open(path, config.maxLineBytes(), stats, sink, now);
                if (startAtEnd) {
                    live.skipToEnd();
                }
                startAtEnd = false;
            }
            if (live != null) {
                read += live.drain(buffer, config.maxBytesPerFilePerPoll() - read, now);
                stats.lag(live.lagBytes());
                stats.following();
            } else if (status.error() != null) {
                stats.failed(status.error());
            } else {
                stats.missing();
            }
        } catch (IOException | RuntimeException e) {
            stats.failed(describe(e));
        }
        return read;
    }

    /** First poll after a restart: reopen the checkpointed files, wherever logrotate has moved them. */
    private void resume(Instant now) {
        List<FileCheckpoint> pending = resumeFrom;
        resumeFrom = List.of();
        FileIdentity current = PathStatus.of(path).identity();
        for (FileCheckpoint checkpoint : pending) {
            boolean stillLive = !checkpoint.rotated() && checkpoint.identity().equals(current);
            Optional<Path> location = stillLive ? Optional.of(path)
                    : RotatedFileFinder.find(path, checkpoint.identity());
            if (location.isEmpty()) {
                LOG.warn("{}: checkpointed file {} is gone (deleted or compressed while stopped);"
                        + " lines written to it after offset {} are lost", watchedPath, checkpoint.identity(),
                        checkpoint.offset());
                continue;
            }
            try {
                OpenLogFile file = OpenLogFile.open(location.get(), config.maxLineBytes(), stats, sink, now);
                if (!file.identity().equals(checkpoint.identity())) {
                    file.close();
                    continue;
                }
                if (!file.resumeAt(checkpoint.offset(), checkpoint.head())) {
                    if (!stillLive) {
                        // a file elsewhere with our old inode number but other content: the inode was reused
                        // by an unrelated file, ours is gone. Reading it would duplicate someone else's lines.
                        file.close();
                        continue;
                    }
                    stats.truncated();
                }
                if (stillLive && live == null) {
                    live = file;
                } else {
                    if (!checkpoint.rotated()) {
                        stats.rotated();
                    }
                    rotated.add(file);
                }
            } catch (IOException e) {
                stats.failed(describe(e));
            }
        }
    }

    private long drainRotated(ByteBuffer buffer, Instant now) {
        long read = 0;
        for (Iterator<OpenLogFile> it = rotated.iterator(); it.hasNext(); ) {
            OpenLogFile file = it.next();
            try {
                if (file.truncatedOrReplaced(file.size())) {
                    file.restartAtZero();
                    stats.truncated();
                }
                read += file.drain(buffer, config.maxBytesPerFilePerPoll(), now);
                if (!file.lastGrowth().plus(config.rotatedFileGrace()).isAfter(now)) {
                    file.close();
                    it.remove();
                }
            } catch (IOException e) {
                stats.failed(describe(e));
                closeQuietly(file);
                it.remove();
            }
        }
        return read;
    }

    /** Durable positions of every file this follower holds (or still has to resume). */
    List<FileCheckpoint> checkpoints() {
        List<FileCheckpoint> result = new ArrayList<>(resumeFrom);
        if (live != null) {
            result.add(live.checkpoint(watchedPath, false));
        }
        for (OpenLogFile file : rotated) {
            result.add(file.checkpoint(watchedPath, true));
        }
        return result;
    }

    /** Nothing open and nothing to resume: safe to forget once the path is gone. */
    boolean idle() {
        return live == null && rotated.isEmpty() && resumeFrom.isEmpty();
    }

    Path path() {
        return path;
    }

    FileStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (live != null) {
            closeQuietly(live);
            live = null;
        }
        rotated.forEach(FileFollower::closeQuietly);
        rotated.clear();
    }

    private static void closeQuietly(OpenLogFile file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.debug("closing {}", file.path(), e);
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** What is at the path right now: a file's identity and size, nothing, or an error. */
    private record PathStatus(FileIdentity identity, long size, String error) {
        static PathStatus of(Path path) {
            try {
                // one stat call, so identity and size describe the same file
                Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino,size");
                FileIdentity identity = new FileIdentity(((Number) attributes.get("dev")).longValue(),
                        ((Number) attributes.get("ino")).longValue());
                return new PathStatus(identity, ((Number) attributes.get("size")).longValue(), null);
            } catch (NoSuchFileException e) {
                return new PathStatus(null, 0, null);
            } catch (IOException e) {
                return new PathStatus(null, 0, describe(e));
            }
        }
    }
}
