package com.saypro.monitor.logengine.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which file a path currently names: device + inode. A rename keeps it, so a rotated file is recognised
 * under its new name; a newly created file (or a symlink switched to another target) gets a different one.
 */
public record FileIdentity(long device, long inode) {

    /** Reads the identity of what {@code path} resolves to (symlinks followed, as a log writer would). */
    public static FileIdentity of(Path path) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
        return new FileIdentity(((Number) attributes.get("dev")).longValue(),
                ((Number) attributes.get("ino")).longValue());
    }

    // equals and hashCode written out: a record's generated ones are invokedynamic call sites whose first call spins
    // method handles (ObjectMethods.bootstrap), some 10-15 ms of a one-shot run's start-up to compare two longs

    @Override
    public boolean equals(Object other) {
        return other instanceof FileIdentity that && device == that.device && inode == that.inode;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(device) + Long.hashCode(inode);
    }

    @Override
    public String toString() {
        return device + ":" + inode;
    }
}
