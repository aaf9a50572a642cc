package com.saypro.monitor.backup.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SHA-256 of backup files, computed once per {@link FileStamp} on a background thread. A dump of
 * many gigabytes takes longer than a scrape: the first polls see "not yet", later ones the result,
 * and an unchanged file is never read again.
 */
public final class Checksums implements AutoCloseable {
  private static final int MAX_ENTRIES = 4096;

  private final ExecutorService hasher = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "backup-checksums");
    t.setDaemon(true);
    return t;
  });
  private final Map<FileStamp, CompletableFuture<String>> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FileStamp, CompletableFuture<String>> eldest) {
      return size() > MAX_ENTRIES;
    }
  };
  private volatile long filesHashed;

  /**
   * The hex sha256 of the file, if known within {@code wait}; empty while it is being computed.
   *
   * @throws IOException when the file could not be read
   */
  public Optional<String> sha256(FileStamp stamp, Duration wait) throws IOException, InterruptedException {
    CompletableFuture<String> future;
    synchronized (cache) {
      future = cache.computeIfAbsent(stamp, s -> CompletableFuture.supplyAsync(() -> hash(s), hasher));
    }
    try {
      return Optional.of(future.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      synchronized (cache) {
        cache.remove(stamp); // try again next time: the file may have been mid-rename
      }
      throw new IOException("cannot read " + stamp.path().getFileName(), e.getCause());
    }
  }

  /** How many files were read to hash them (tests and the benchmark check caching with it). */
  public long filesHashed() {
    return filesHashed;
  }

  private String hash(FileStamp stamp) {
    filesHashed++;
    try (InputStream in = Files.newInputStream(stamp.path())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[256 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    hasher.shutdownNow();
  }
}
