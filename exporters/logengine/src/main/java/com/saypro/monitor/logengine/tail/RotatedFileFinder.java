package com.saypro.monitor.logengine.tail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a checkpointed file after a restart when it is no longer at its path: logrotate renamed it
 * (access.log.1, access.log-20250101) in the same directory, or, for a symlinked path, in the target's directory.
 * A compressed or deleted rotated file is a different inode or none, and cannot be found.
 */
final class RotatedFileFinder {

    /** Directories are large on busy hosts; a rotated file is never this far away in practice. */
    private static final int MAX_ENTRIES = 10_000;

    private RotatedFileFinder() {
    }

    static Optional<Path> find(Path watched, FileIdentity identity) {
        Set<Path> directories = new LinkedHashSet<>();
        Path parent = watched.toAbsolutePath().getParent();
        if (parent != null) {
            directories.add(parent);
        }
        try {
            Path target = watched.toRealPath().getParent();
            if (target != null) {
                directories.add(target);
            }
        } catch (IOException e) {
            // dangling or missing: only the watched directory is searched
        }
        for (Path directory : directories) {
            Optional<Path> found = findIn(directory, identity);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> findIn(Path directory, FileIdentity identity) {
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (++seen > MAX_ENTRIES) {
                    break;
                }
                try {
                    if (Files.isRegularFile(entry) && FileIdentity.of(entry).equals(identity)) {
                        return Optional.of(entry);
                    }
                } catch (IOException e) {
                    // vanished or unreadable entry: keep looking
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
