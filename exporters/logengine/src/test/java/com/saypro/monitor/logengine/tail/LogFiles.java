package com.saypro.monitor.logengine.tail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** What a log writer and logrotate do to files, as plain file operations. */
final class LogFiles {

    private LogFiles() {
    }

    static void append(Path file, String text) {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void append(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** logrotate's default: rename the file away; the writer (after reopening) creates a new one. */
    static void renameAway(Path file, Path rotated) {
        try {
            Files.move(file, rotated, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** logrotate's copytruncate: copy the content aside, then truncate the original in place (same inode). */
    static void copyTruncate(Path file, Path copy) {
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ln -sfn done atomically, the way deploy tools switch a "current" link. */
    static void pointSymlink(Path link, Path target) {
        try {
            Path temp = link.resolveSibling(link.getFileName() + ".new");
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, target);
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
