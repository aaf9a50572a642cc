package com.saypro.monitor.security.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes the watched files and compares them with the baseline. The first check records the baseline; later
 * checks report each file as modified, added (matched now, not in the baseline, or absent there) or removed
 * (in the baseline, gone now) until {@link #accept()} makes the current state the baseline.
 */
public final class IntegrityChecker {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityChecker.class);
    static final String UNREADABLE = "unreadable";

    /** One file's change since the baseline. */
    public enum Change {
        MODIFIED, ADDED, REMOVED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The outcome of one check. */
    public record Report(Map<String, Optional<Change>> files, int unreadable, boolean stateOk) {
        public long changed() {
            return files.values().stream().filter(Optional::isPresent).count();
        }
    }

    private final IntegrityConfig config;
    private final Clock clock;
    private Baseline baseline;
    private boolean stateOk = true;

    public IntegrityChecker(IntegrityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public IntegrityConfig config() {
        return config;
    }

    public synchronized Report check() {
        Map<String, String> current = hashAll();
        if (baseline == null) {
            try {
                baseline = Baseline.load(config.stateFile()).orElse(null);
                stateOk = true;
            } catch (IOException e) {
                LOG.warn("file integrity state {} is unreadable ({}); keeping it and not recording a new baseline",
                        config.stateFile(), e.getClass().getSimpleName());
                stateOk = false;
                return new Report(Map.of(), 0, false);
            }
            if (baseline == null) {
                save(new Baseline(clock.instant(), current));
            }
        }
        Map<String, Optional<Change>> files = new TreeMap<>();
        int unreadable = 0;
        for (Map.Entry<String, String> entry : current.entrySet()) {
            String before = baseline.hashes().get(entry.getKey());
            String now = entry.getValue();
            if (now.equals(UNREADABLE)) {
                unreadable++;
            }
            Optional<Change> change;
            if (before == null || before.equals(Baseline.ABSENT)) {
                change = now.equals(Baseline.ABSENT) ? Optional.empty() : Optional.of(Change.ADDED);
            } else if (now.equals(Baseline.ABSENT)) {
                change = Optional.of(Change.REMOVED);
            } else {
                change = before.equals(now) ? Optional.empty() : Optional.of(Change.MODIFIED);
            }
            files.put(entry.getKey(), change);
        }
        for (Map.Entry<String, String> entry : baseline.hashes().entrySet()) {
            if (!current.containsKey(entry.getKey()) && !entry.getValue().equals(Baseline.ABSENT)
                    && files.size() < IntegrityConfig.MAX_FILES) {
                files.put(entry.getKey(), Optional.of(Change.REMOVED)); // a glob no longer matches it
            }
        }
        return new Report(files, unreadable, stateOk);
    }

    /** Makes the files as they are now the baseline; returns how many changes were accepted. */
    public synchronized long accept() throws IOException {
        long changes = check().changed();
        Baseline accepted = new Baseline(clock.instant(), hashAll());
        accepted.save(config.stateFile());
        baseline = accepted;
        stateOk = true;
        return changes;
    }

    private void save(Baseline fresh) {
        try {
            fresh.save(config.stateFile());
            baseline = fresh;
        } catch (IOException e) {
            LOG.warn("cannot write the file integrity state {}: {}", config.stateFile(), e.getClass().getSimpleName());
            baseline = fresh; // compare against it in memory; the next start records again
            stateOk = false;
        }
    }

    /** Every watched path (literal names always, glob matches as found) with its hash, ABSENT or UNREADABLE. */
    private Map<String, String> hashAll() {
        Map<String, String> hashes = new TreeMap<>();
        for (String pattern : config.patterns()) {
            Path path = Path.of(pattern);
            String name = path.getFileName().toString();
            if (name.contains("*") || name.contains("?") || name.contains("[")) {
                try (DirectoryStream<Path> matches = Files.newDirectoryStream(path.getParent(), name)) {
                    for (Path match : matches) {
                        if (Files.isRegularFile(match) && hashes.size() < IntegrityConfig.MAX_FILES) {
                            hashes.put(match.toString(), hash(match));
                        }
                    }
                } catch (IOException e) {
                    // a missing folder matches nothing
                }
            } else if (hashes.size() < IntegrityConfig.MAX_FILES) {
                hashes.put(pattern, hash(path));
            }
        }
        return hashes;
    }

    static String hash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            return Baseline.ABSENT;
        } catch (IOException e) {
            return Files.exists(file) ? UNREADABLE : Baseline.ABSENT;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
