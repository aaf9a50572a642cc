package com.saypro.monitor.logengine.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * A checksum of the first bytes of a file. Size alone cannot tell that a copytruncated file has already grown
 * back past our offset, nor that a file was replaced in place while we were down; a changed head can.
 * It is a heuristic: a new first line byte-identical to the old one (same length too) is not detected.
 */
public record HeadFingerprint(int length, long crc) {

    /** How many leading bytes are compared; the first log line nearly always differs within them (timestamps). */
    public static final int MAX_LENGTH = 128;

    public static final HeadFingerprint EMPTY = new HeadFingerprint(0, 0);

    /** Reads up to {@code length} leading bytes; returns a shorter fingerprint if the file is shorter. */
    public static HeadFingerprint read(FileChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) <= 0) {
                break;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        return new HeadFingerprint(buffer.position(), crc.getValue());
    }

    /** True if the file still starts with the bytes this fingerprint was taken from. */
    public boolean matches(FileChannel channel) throws IOException {
        return length == 0 || equals(read(channel, length));
    }
}
