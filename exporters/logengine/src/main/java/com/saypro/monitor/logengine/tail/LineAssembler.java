package com.saypro.monitor.logengine.tail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines. A partial line is held until its newline arrives; a line longer than the
 * cap is skipped without ever being buffered whole (memory stays bounded by the cap, whatever the writer does).
 * Tracks the offset just after the last finished line: that, not the read position, is what gets checkpointed,
 * so a restart re-reads a held partial line instead of losing it.
 */
final class LineAssembler {

    /** Where finished lines and skips go. */
    interface Output {
        void line(String line);

        void tooLong();
    }

    /** A byte array read eight bytes at a time, for {@link #indexOfNewline}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxLineBytes;
    private byte[] partial = new byte[256];
    private int partialLength;
    private boolean discardingLongLine;
    private long committedOffset;

    LineAssembler(int maxLineBytes, long startOffset) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.committedOffset = startOffset;
    }

    long committedOffset() {
        return committedOffset;
    }

    /** Forgets any held partial line and restarts at {@code offset} (after truncation). */
    void reset(long offset) {
        partialLength = 0;
        discardingLongLine = false;
        committedOffset = offset;
    }

    /** Bytes {@code buffer[from, to)} were read from the file at offset {@code fileOffset}. */
    void feed(byte[] buffer, int from, int to, long fileOffset, Output out) {
        int lineStart = from;
        int i;
        while ((i = indexOfNewline(buffer, lineStart, to)) >= 0) {
            if (discardingLongLine) {
                discardingLongLine = false;
                out.tooLong();
            } else if (partialLength > 0) {
                if (append(buffer, lineStart, i)) {
                    deliver(partial, 0, partialLength, out);
                } else {
                    out.tooLong();
                }
                partialLength = 0;
            } else {
                deliver(buffer, lineStart, i, out);
            }
            lineStart = i + 1;
            committedOffset = fileOffset + (i + 1 - from);
        }
        if (lineStart < to && !discardingLongLine && !append(buffer, lineStart, to)) {
            partialLength = 0;
            discardingLongLine = true;
        }
    }

    /**
     * The first {@code '\n'} in {@code bytes[from, to)}, or -1. Eight bytes at a time: a byte equal to the newline
     * becomes zero after the XOR, and the classic zero-byte test finds the lowest such byte (its false positives can
     * only sit above a true zero byte, so the lowest flagged byte is always a real newline).
     *
     * <p>A method of its own so that it is compiled on its own: it stays compiled when a rare branch of {@link #feed}
     * (a line split across reads, a long line) makes the JIT throw {@code feed} away and interpret it again for a
     * while.
     */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long newlines = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long zeroes = (newlines - 0x0101010101010101L) & ~newlines & 0x8080808080808080L;
            if (zeroes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroes) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** True while bytes without a newline are held (or being skipped) after the committed offset. */
    boolean holdsPartialLine() {
        return partialLength > 0 || discardingLongLine;
    }

    private void deliver(byte[] bytes, int from, int to, Output out) {
        int end = to;
        if (end > from && bytes[end - 1] == '\r') {
            end--;
        }
        if (end - from > maxLineBytes) {
            out.tooLong();
        } else {
            // the JDK decoder replaces malformed input with U+FFFD and never throws; NUL bytes stay as U+0000
            out.line(new String(bytes, from, end - from, StandardCharsets.UTF_8));
        }
    }

    private boolean append(byte[] buffer, int from, int to) {
        int length = to - from;
        int limit = maxLineBytes + 1; // +1: a CR before the newline does not count towards the cap
        if (partialLength + length > limit) {
            return false;
        }
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(Math.max(partial.length * 2, partialLength + length), limit));
        }
        System.arraycopy(buffer, from, partial, partialLength, length);
        partialLength += length;
        return true;
    }
}
