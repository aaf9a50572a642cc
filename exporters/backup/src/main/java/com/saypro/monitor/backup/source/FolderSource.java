package com.saypro.monitor.backup.source;

import com.saypro.monitor.backup.config.SourceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A folder of dump files. Each file whose name matches the pattern is one run, finished at its
 * modification time; an empty file is a failed run. With {@code checksum: sidecar}, the newest
 * dump's {@code NAME.sha256} (as {@code sha256sum} writes it) must match its content.
 */
public final class FolderSource implements JobSource {
  private static final Pattern SHA256_LINE = Pattern.compile("([0-9a-fA-F]{64})(\\s.*)?\\s*");
  private static final int MAX_SIDECAR = 4096;

  private final SourceConfig.Folder config;
  private final DirectoryListings listings;
  private final Checksums checksums;
  private long matchedVersion = -1;
  private List<Run> matched = List.of();

  public FolderSource(SourceConfig.Folder config, DirectoryListings listings, Checksums checksums) {
    this.config = config;
    this.listings = listings;
    this.checksums = checksums;
  }

  /** Names that are never dumps themselves, even if the pattern matches them. */
  static boolean sidecar(String name) {
    return name.endsWith(".sha256") || name.endsWith(".tables.json");
  }

  @Override
  public synchronized Observation poll(Instant now, Duration budget) throws InterruptedException {
    DirectoryListings.Listing listing;
    try {
      listing = listings.list(config.path());
    } catch (NoSuchFileException e) {
      return Observation.failed(SourceError.MISSING, "folder " + config.path() + " is gone");
    } catch (IOException e) {
      return Observation.failed(SourceError.UNREADABLE, "folder " + config.path() + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (listing.version() != matchedVersion) {
      List<Run> runs = new ArrayList<>();
      for (DirectoryListings.Entry e : listing.files()) {
        if (!sidecar(e.name()) && config.pattern().matches(e.name())) {
          runs.add(new Run(e.name(), e.modified(), e.size() > 0, Optional.empty(), OptionalLong.of(e.size()),
              Optional.of(config.path().resolve(e.name())), Map.of()));
        }
      }
      runs.sort(Run::chronological);
      matched = List.copyOf(runs);
      matchedVersion = listing.version();
    }
    if (matched.isEmpty()) {
      return Observation.failed(SourceError.NO_BACKUPS, "no file in " + config.path() + " matches the pattern");
    }
    List<Run> runs = refreshNewest(matched);
    if (!config.sidecarChecksums()) {
      return Observation.of(runs, Optional.empty());
    }
    Optional<Run> newest = runs.stream().filter(Run::success).reduce((a, b) -> b);
    if (newest.isEmpty()) {
      return Observation.of(runs, Optional.of(false));
    }
    return verify(runs, newest.get(), budget);
  }

  /** The newest file may still be growing (a dump being written does not change the folder's time). */
  private List<Run> refreshNewest(List<Run> runs) {
    Run newest = runs.get(runs.size() - 1);
    try {
      FileStamp now = FileStamp.of(newest.file().orElseThrow());
      if (now.size() == newest.bytes().orElse(-1) && now.modified().equals(newest.time())) {
        return runs;
      }
      List<Run> copy = new ArrayList<>(runs.subList(0, runs.size() - 1));
      copy.add(new Run(newest.key(), now.modified(), now.size() > 0, Optional.empty(), OptionalLong.of(now.size()),
          newest.file(), Map.of()));
      return copy;
    } catch (IOException e) {
      return runs; // removed since the listing: the next listing shows it
    }
  }

  private Observation verify(List<Run> runs, Run newest, Duration budget) throws InterruptedException {
    Path dump = newest.file().orElseThrow();
    Path sidecar = dump.resolveSibling(dump.getFileName() + ".sha256");
    String version = newest.key() + "|" + newest.time() + "|" + newest.bytes();
    String expected;
    try (InputStream in = Files.newInputStream(sidecar)) {
      String text = new String(in.readNBytes(MAX_SIDECAR), StandardCharsets.US_ASCII);
      var m = SHA256_LINE.matcher(text.strip());
      if (!m.matches()) {
        return Observation.of(runs, Optional.of(false)).withError(SourceError.MALFORMED, sidecar.getFileName() + " holds no sha256")
            .withVersion(version);
      }
      expected = m.group(1);
    } catch (IOException e) {
      return Observation.of(runs, Optional.of(false)).withError(SourceError.CHECKSUM_MISSING, "no readable " + sidecar.getFileName())
          .withVersion(version);
    }
    try {
      Optional<String> actual = checksums.sha256(FileStamp.of(dump), budget);
      return Observation.of(runs, actual.map(a -> a.equalsIgnoreCase(expected)));
    } catch (IOException e) {
      return Observation.of(runs, Optional.of(false));
    }
  }
}
