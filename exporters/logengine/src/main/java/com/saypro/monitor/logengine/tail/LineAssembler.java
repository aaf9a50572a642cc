package com.saypro.monitor.logengine.tail;

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
        for (int i = from; i < to; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
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
