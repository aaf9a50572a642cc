package com.saypro.monitor.backup.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regular files of backup folders, shared by every job that reads the same folder. A folder is
 * listed again only when its own modification time changes (a file was added, removed or renamed),
 * so a scrape of 50 jobs over a folder of 10,000 dumps costs one {@code stat} per folder, not a
 * listing per job. Symlinks in the folder are skipped: a dump is a regular file.
 */
public final class DirectoryListings {
  /** A folder changed this recently may change again within the same timestamp tick: list it again. */
  private static final Duration SETTLE = Duration.ofSeconds(2);

  /** One file of a listing. */
  public record Entry(String name, long size, Instant modified) {}

  /** The files of a folder at one moment; {@code version} changes whenever they may have. */
  public record Listing(long version, List<Entry> files) {}

  private record Cached(Instant folderModified, boolean settled, Listing listing) {}

  private final Clock clock;
  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();
  private final Map<Path, Object> locks = new ConcurrentHashMap<>();
  private long versions;
  private volatile long listings;

  public DirectoryListings(Clock clock) {
    this.clock = clock;
  }

  /**
   * The folder's files.
   *
   * @throws java.nio.file.NoSuchFileException when the folder is gone
   */
  public Listing list(Path folder) throws IOException {
    synchronized (locks.computeIfAbsent(folder, f -> new Object())) {
      Instant modified = Files.readAttributes(folder, BasicFileAttributes.class).lastModifiedTime().toInstant();
      Cached cached = cache.get(folder);
      if (cached != null && cached.settled() && cached.folderModified().equals(modified)) {
        return cached.listing();
      }
      Instant now = clock.instant();
      List<Entry> files = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
        for (Path child : stream) {
          BasicFileAttributes a;
          try {
            a = FileStamp.noFollow(child);
          } catch (java.nio.file.NoSuchFileException e) {
            continue; // removed while we listed
          }
          if (a.isRegularFile()) {
            files.add(new Entry(child.getFileName().toString(), a.size(), a.lastModifiedTime().toInstant()));
          }
        }
      }
      listings++;
      boolean settled = Duration.between(modified, now).compareTo(SETTLE) > 0;
      Listing listing = new Listing(nextVersion(), List.copyOf(files));
      cache.put(folder, new Cached(modified, settled, listing));
      return listing;
    }
  }

  private synchronized long nextVersion() {
    return ++versions;
  }

  /** How many times a folder was listed (the benchmark and tests check the caching with it). */
  public long listings() {
    return listings;
  }
}
