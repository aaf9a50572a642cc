package com.saypro.monitor.security.logs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link NewSourceMemory} per log name, in the log engine's state folder as {@code new-sources-LOG.json}
 * (bound once the config names the folder, before the sources start). Written at most every
 * {@link #FLUSH_INTERVAL} from scrapes, and at close.
 */
public final class NewSourceMemories implements AutoCloseable {

    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(30);

    private final int maxAccounts;
    private final Clock clock;
    private final Map<String, NewSourceMemory> byLog = new ConcurrentHashMap<>();
    private volatile Optional<Path> directory = Optional.empty();
    private volatile long lastFlush;

    public NewSourceMemories(int maxAccounts, Clock clock) {
        this.maxAccounts = maxAccounts;
        this.clock = clock;
        this.lastFlush = clock.millis();
    }

    /** Memories not written anywhere. */
    public static NewSourceMemories inMemory(int maxAccounts) {
        return new NewSourceMemories(maxAccounts, Clock.systemUTC());
    }

    /** Persist under {@code stateDirectory} from now on; call before the first {@link #memory}. */
    public void bind(Path stateDirectory) {
        directory = Optional.of(stateDirectory);
    }

    NewSourceMemory memory(String log) {
        return byLog.computeIfAbsent(log, l -> directory
                .map(d -> NewSourceMemory.persistent(d.resolve("new-sources-" + l + ".json"), maxAccounts))
                .orElseGet(() -> NewSourceMemory.inMemory(maxAccounts)));
    }

    /** From scrapes: writes what changed, at most every {@link #FLUSH_INTERVAL}. */
    void maybeFlush() {
        long now = clock.millis();
        if (now - lastFlush >= FLUSH_INTERVAL.toMillis()) {
            lastFlush = now;
            flush();
        }
    }

    public void flush() {
        byLog.values().forEach(NewSourceMemory::flush);
    }

    @Override
    public void close() {
        flush();
    }
}
