package com.saypro.monitor.logengine.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails a set of files into a {@link LineSink}, losing nothing across rotation and restarts (see the module
 * README for the exact guarantee). Driven by {@link #poll()}: tests call it directly, production wraps it in a
 * {@link TailLoop}. Not thread-safe for polling (one poller); {@link #stats()} may be called from any thread.
 */
public final class Tailer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Tailer.class);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final TailerConfig config;
    private final LineSink sink;
    private final Clock clock;
    /** Null for a one-shot read: it builds a JSON mapper, which a run that persists nothing need not pay for. */
    private final CheckpointStore store;
    /** False for a one-shot read: no checkpoint is loaded or written. */
    private final boolean persistent;
    private final List<PathPattern> patterns;
    private final Map<Path, FileFollower> followers = new LinkedHashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private volatile List<FileFollower> published = List.of();
    private Map<Path, List<FileCheckpoint>> pendingResume;
    private boolean firstPoll = true;
    private Instant lastCheckpoint;
    private List<FileCheckpoint> lastSaved = List.of();
    private boolean closed;

    public Tailer(TailerConfig config, LineSink sink, Clock clock) {
        this(config, sink, clock, true);
    }

    private Tailer(TailerConfig config, LineSink sink, Clock clock, boolean persistent) {
        this.persistent = persistent;
        this.config = config;
        this.sink = sink;
        this.clock = clock;
        this.store = persistent ? new CheckpointStore(config.stateFile()) : null;
        this.patterns = config.paths().stream().map(PathPattern::new).toList();
        this.lastCheckpoint = clock.instant();
    }

    /**
     * A tailer for one pass over the files ({@code --one-shot}): every file from its start, whatever the state file
     * says, and no checkpoint loaded or written, so the long-running exporter's positions stay untouched.
     */
    public static Tailer withoutCheckpoints(TailerConfig config, LineSink sink, Clock clock) {
        return new Tailer(config.withStartPosition(StartPosition.BEGINNING), sink, clock, false);
    }

    /** Polls until every watched file has been read to its current end. */
    public void readToEnd() {
        PollResult result;
        do {
            result = poll();
        } while (result.moreAvailable());
    }

    /** Reads everything new in every watched file, then checkpoints if due. Never throws for a file's problem. */
    public synchronized PollResult poll() {
        if (closed) {
            throw new IllegalStateException("tailer is closed");
        }
        if (pendingResume == null) {
            pendingResume = loadCheckpoints();
        }
        Set<Path> current = currentPaths();
        for (Path path : current) {
            followers.computeIfAbsent(path, p -> new FileFollower(p,
                    pendingResume.getOrDefault(p, List.of()),
                    firstPoll && config.startPosition() == StartPosition.END, config, clock, sink));
        }
        pendingResume.keySet().removeAll(current);
        firstPoll = false;

        long read = 0;
        boolean more = false;
        for (Iterator<FileFollower> it = followers.values().iterator(); it.hasNext(); ) {
            FileFollower follower = it.next();
            long bytes = follower.poll(buffer);
            read += bytes;
            more |= bytes >= config.maxBytesPerFilePerPoll();
            if (!current.contains(follower.path()) && follower.idle()) {
                it.remove();
            }
        }
        published = List.copyOf(followers.values());
        return new PollResult(read, checkpointIfDue(false), more);
    }

    /** Watched paths now, plus checkpointed paths that still belong to a pattern (their file may have moved). */
    private Set<Path> currentPaths() {
        Set<Path> paths = new LinkedHashSet<>();
        for (PathPattern pattern : patterns) {
            paths.addAll(pattern.expand());
        }
        for (Path checkpointed : pendingResume.keySet()) {
            if (patterns.stream().anyMatch(p -> p.matches(checkpointed))) {
                paths.add(checkpointed);
            }
        }
        return paths;
    }

    private Map<Path, List<FileCheckpoint>> loadCheckpoints() {
        Map<Path, List<FileCheckpoint>> byPath = new HashMap<>();
        if (!persistent) {
            return byPath;
        }
        for (FileCheckpoint checkpoint : store.load()) {
            byPath.computeIfAbsent(Path.of(checkpoint.path()), p -> new ArrayList<>()).add(checkpoint);
        }
        return byPath;
    }

    /** Whether a state file or any watched file exists, i.e. whether polling may read or write positions. */
    public boolean hasStateOrFiles() {
        if (store != null && Files.exists(store.file())) {
            return true;
        }
        for (PathPattern pattern : patterns) {
            for (Path path : pattern.expand()) {
                if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
        }
        return false;
    }

    public Path stateFile() {
        return config.stateFile().toAbsolutePath();
    }

    /** Makes the current positions durable now. */
    public synchronized void checkpoint() {
        checkpointIfDue(true);
    }

    private boolean checkpointIfDue(boolean force) {
        if (!persistent) {
            return false;
        }
        Instant now = clock.instant();
        if (!force && now.isBefore(lastCheckpoint.plus(config.checkpointInterval()))) {
            return false;
        }
        List<FileCheckpoint> positions = new ArrayList<>();
        followers.values().forEach(f -> positions.addAll(f.checkpoints()));
        if (pendingResume != null) {
            // checkpoints not claimed by any pattern any more are dropped: their files are no longer watched
            pendingResume.forEach((path, list) -> {
                if (patterns.stream().anyMatch(p -> p.matches(path))) {
                    positions.addAll(list);
                }
            });
        }
        if (!positions.equals(lastSaved)) {
            try {
                store.save(positions);
                lastSaved = positions;
            } catch (IOException e) {
                LOG.warn("could not write checkpoint {}: {}", store.file(), e.toString());
                return false;
            }
        }
        lastCheckpoint = now;
        followers.values().forEach(f -> f.stats().checkpointed(now));
        return true;
    }

    /** Per-path statistics; safe to call from a scrape thread while another thread polls. */
    public List<FileStatsSnapshot> stats() {
        Instant now = clock.instant();
        return published.stream().map(f -> f.stats().snapshot(now)).toList();
    }

    /**
     * What kill -9 leaves behind: the kernel closes the descriptors, no final checkpoint is written.
     * For tests that restart the engine many times without leaking descriptors.
     */
    synchronized void closeWithoutCheckpoint() {
        followers.values().forEach(FileFollower::close);
        followers.clear();
        closed = true;
    }

    /** Final checkpoint, then closes every file. Dropping a tailer without closing it is like kill -9. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (pendingResume != null) {
            checkpointIfDue(true);
        }
        followers.values().forEach(FileFollower::close);
        followers.clear();
        closed = true;
    }
}
