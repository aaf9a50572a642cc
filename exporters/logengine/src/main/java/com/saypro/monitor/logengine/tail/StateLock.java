package com.saypro.monitor.logengine.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Exclusive use of a state file by one running tailer, held as an OS lock on {@code <state>.lock}. Two tailers
 * sharing a state file would each resume from a position the other keeps moving: duplicates on every restart. The
 * common case is a config reload, where the new pipeline is built before the old one has written its final
 * checkpoint; the new one waits for the lock and then resumes from that checkpoint. Another process (a second
 * exporter on the same state directory) is kept out the same way. The kernel drops the lock when the process
 * dies, so kill -9 leaves nothing stale behind.
 */
final class StateLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty while another tailer (in this JVM or another process) holds it. */
    static Optional<StateLock> tryAcquire(Path stateFile) throws IOException {
        Path file = lockFileOf(stateFile);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new StateLock(channel, lock));
        } catch (OverlappingFileLockException heldInThisJvm) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static Path lockFileOf(Path stateFile) {
        Path absolute = stateFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
