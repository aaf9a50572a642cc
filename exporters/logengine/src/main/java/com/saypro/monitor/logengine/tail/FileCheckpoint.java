package com.saypro.monitor.logengine.tail;

import java.util.Objects;

/**
 * Durable position in one file: everything before {@code offset} has been delivered.
 *
 * @param path     the watched path the file was found at (a rotated file keeps the path it was tailed under)
 * @param identity device + inode, so the file is recognised after a rename
 * @param offset   byte offset just after the last delivered (or deliberately skipped) line
 * @param head     fingerprint of the first bytes, to notice a file truncated or replaced while we were down
 * @param rotated  true if the file had already been rotated away from {@code path}
 */
public record FileCheckpoint(String path, FileIdentity identity, long offset, HeadFingerprint head, boolean rotated) {
    public FileCheckpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(head, "head");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
    }
}
