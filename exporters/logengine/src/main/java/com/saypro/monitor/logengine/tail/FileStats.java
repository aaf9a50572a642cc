package com.saypro.monitor.logengine.tail;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for one watched path. Written by the polling thread, read by scrapes on other threads,
 * hence the atomics; no lock is held while a scrape reads.
 */
final class FileStats implements LineSource {

    static final String TOO_LONG = "too_long";
    static final String SINK_ERROR = "sink_error";

    private final String path;
    private final AtomicLong linesRead = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final AtomicLong rotations = new AtomicLong();
    private final AtomicLong truncations = new AtomicLong();
    private final AtomicLong readErrors = new AtomicLong();
    private final AtomicLong lagBytes = new AtomicLong();
    private volatile FileState state = FileState.MISSING;
    private volatile String lastError = "";
    private volatile Instant checkpointedAt;

    FileStats(String path, Instant createdAt) {
        this.path = path;
        this.checkpointedAt = createdAt;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void skipped(String reason) {
        skipped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void lineRead() {
        linesRead.incrementAndGet();
    }

    void bytesRead(long bytes) {
        bytesRead.addAndGet(bytes);
    }

    void rotated() {
        rotations.incrementAndGet();
    }

    void truncated() {
        truncations.incrementAndGet();
    }

    void following() {
        state = FileState.FOLLOWING;
        lastError = "";
    }

    void missing() {
        state = FileState.MISSING;
    }

    void failed(String error) {
        readErrors.incrementAndGet();
        state = FileState.ERROR;
        lastError = error;
    }

    void lag(long bytes) {
        lagBytes.set(Math.max(0, bytes));
    }

    void checkpointed(Instant at) {
        checkpointedAt = at;
    }

    FileState state() {
        return state;
    }

    FileStatsSnapshot snapshot(Instant now) {
        Map<String, Long> skips = new TreeMap<>();
        skipped.forEach((reason, count) -> skips.put(reason, count.sum()));
        return new FileStatsSnapshot(path, state, lastError, linesRead.get(), bytesRead.get(), skips,
                rotations.get(), truncations.get(), readErrors.get(), lagBytes.get(),
                Duration.between(checkpointedAt, now).isNegative() ? Duration.ZERO
                        : Duration.between(checkpointedAt, now));
    }
}
