package com.saypro.monitor.logengine.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One open file being read line by line. Holding the descriptor is what makes rotation loss-free: after a
 * rename (or even an unlink) the bytes the writer appended are still readable through it.
 */
final class OpenLogFile implements Closeable, LineAssembler.Output {

    private final Path path;
    private final FileIdentity identity;
    private final FileChannel channel;
    private final LineAssembler assembler;
    private final FileStats stats;
    private final LineSink sink;
    private long readOffset;
    private HeadFingerprint head;
    private Instant lastGrowth;

    private OpenLogFile(Path path, FileIdentity identity, FileChannel channel, long offset, HeadFingerprint head,
            int maxLineBytes, FileStats stats, LineSink sink, Instant now) {
        this.path = path;
        this.identity = identity;
        this.channel = channel;
        this.readOffset = offset;
        this.head = head;
        this.assembler = new LineAssembler(maxLineBytes, offset);
        this.stats = stats;
        this.sink = sink;
        this.lastGrowth = now;
    }

    /**
     * Opens {@code path}, making sure the identity seen before and after opening agree (otherwise the file was
     * swapped under us and the next poll tries again).
     */
    static OpenLogFile open(Path path, int maxLineBytes, FileStats stats, LineSink sink, Instant now)
            throws IOException {
        FileIdentity before = FileIdentity.of(path);
        if (!Files.isRegularFile(path)) {
            throw new IOException("not a regular file: " + path);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            FileIdentity after = FileIdentity.of(path);
            if (!before.equals(after)) {
                throw new IOException("file replaced while opening: " + path);
            }
            return new OpenLogFile(path, after, channel, 0, HeadFingerprint.EMPTY, maxLineBytes, stats, sink, now);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Continues at a checkpointed offset, unless the file no longer matches the checkpoint (shorter than the
     * offset, or a different head): then it was truncated or replaced while we were down, and starts at 0.
     *
     * @return true if the checkpoint was honoured, false if reading restarted at 0
     */
    boolean resumeAt(long offset, HeadFingerprint expectedHead) throws IOException {
        if (channel.size() < offset || !expectedHead.matches(channel)) {
            restartAtZero();
            return false;
        }
        readOffset = offset;
        assembler.reset(offset);
        head = expectedHead;
        return true;
    }

    /** Size dropped below what we read, or the head changed: copytruncate or an in-place rewrite. */
    boolean truncatedOrReplaced(long size) throws IOException {
        return size < readOffset || !head.matches(channel);
    }

    void restartAtZero() {
        readOffset = 0;
        assembler.reset(0);
        head = HeadFingerprint.EMPTY;
    }

    void skipToEnd() throws IOException {
        long size = channel.size();
        readOffset = size;
        assembler.reset(size);
        head = HeadFingerprint.read(channel, (int) Math.min(HeadFingerprint.MAX_LENGTH, size));
    }

    /** Reads from the current offset to end of file, or until {@code maxBytes}; returns the bytes read. */
    long drain(ByteBuffer buffer, long maxBytes, Instant now) throws IOException {
        long total = 0;
        while (total < maxBytes) {
            buffer.clear();
            int n = channel.read(buffer, readOffset);
            if (n <= 0) {
                break;
            }
            assembler.feed(buffer.array(), buffer.arrayOffset(), buffer.arrayOffset() + n, readOffset, this);
            readOffset += n;
            total += n;
        }
        if (total > 0) {
            stats.bytesRead(total);
            lastGrowth = now;
            if (head.length() < HeadFingerprint.MAX_LENGTH) {
                head = HeadFingerprint.read(channel, (int) Math.min(HeadFingerprint.MAX_LENGTH, readOffset));
            }
        }
        return total;
    }

    @Override
    public void line(String line) {
        stats.lineRead();
        try {
            sink.accept(stats, line);
        } catch (RuntimeException e) {
            // one bad line must not stop the file: the consumer's bug is counted, not propagated
            stats.skipped(FileStats.SINK_ERROR);
        }
    }

    @Override
    public void tooLong() {
        stats.skipped(FileStats.TOO_LONG);
    }

    long size() throws IOException {
        return channel.size();
    }

    FileIdentity identity() {
        return identity;
    }

    Path path() {
        return path;
    }

    Instant lastGrowth() {
        return lastGrowth;
    }

    long lagBytes() throws IOException {
        return channel.size() - assembler.committedOffset();
    }

    FileCheckpoint checkpoint(String watchedPath, boolean rotated) {
        return new FileCheckpoint(watchedPath, identity, assembler.committedOffset(), head, rotated);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
