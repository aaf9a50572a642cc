package com.saypro.monitor.backup.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/** A file as far as caches care: path, size and modification time. Same stamp, same content (assumed). */
public record FileStamp(Path path, long size, Instant modified) {
  /** Stats {@code path} (following symlinks). */
  public static FileStamp of(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    return of(path, a);
  }

  public static FileStamp of(Path path, BasicFileAttributes a) {
    return new FileStamp(path, a.size(), a.lastModifiedTime().toInstant());
  }

  /** Stats without following a final symlink. */
  static BasicFileAttributes noFollow(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }
}
