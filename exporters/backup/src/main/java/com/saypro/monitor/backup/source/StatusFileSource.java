package com.saypro.monitor.backup.source;

import com.saypro.monitor.backup.config.SourceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A job that writes a JSON status file (see {@link StatusFileParser}). The file is parsed again
 * only when its size or modification time changes; the backup file it names is hashed once per
 * version (by {@link Checksums}).
 */
public final class StatusFileSource implements JobSource {
  static final int MAX_BYTES = 64 * 1024;

  private final String job;
  private final SourceConfig.StatusFile config;
  private final Checksums checksums;
  private FileStamp parsedStamp;
  private Object parsed; // a StatusFileParser.Status or a StatusFileParser.Invalid
  private long parses;

  public StatusFileSource(String job, SourceConfig.StatusFile config, Checksums checksums) {
    this.job = job;
    this.config = config;
    this.checksums = checksums;
  }

  @Override
  public synchronized Observation poll(Instant now, Duration budget) throws InterruptedException {
    Path file;
    FileStamp stamp;
    try {
      file = ContainedPath.resolve(config.folder(), config.name());
      stamp = FileStamp.of(file);
      if (!Files.isRegularFile(file)) {
        return Observation.failed(SourceError.UNREADABLE, "the status file is not a regular file");
      }
    } catch (NoSuchFileException e) {
      return Observation.failed(SourceError.MISSING, "no status file " + config.name() + " in " + config.folder());
    } catch (ContainedPath.Outside e) {
      return Observation.failed(SourceError.OUTSIDE_FOLDER, "the status file resolves outside " + config.folder());
    } catch (IOException e) {
      return Observation.failed(SourceError.UNREADABLE, "the status file cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (stamp.size() > MAX_BYTES) {
      return Observation.failed(SourceError.TOO_LARGE, "the status file is larger than 64 KiB").withVersion(stamp.toString());
    }
    if (!stamp.equals(parsedStamp)) {
      parsed = read(file);
      parsedStamp = stamp;
      parses++;
    }
    if (parsed instanceof StatusFileParser.Invalid invalid) {
      return Observation.failed(invalid.error, invalid.getMessage()).withVersion(stamp.toString());
    }
    if (parsed instanceof SourceError error) {
      return Observation.failed(error, "the status file cannot be read").withVersion(stamp.toString());
    }
    return observe((StatusFileParser.Status) parsed, budget);
  }

  private Object read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] content = in.readNBytes(MAX_BYTES + 1);
      if (content.length > MAX_BYTES) {
        return SourceError.TOO_LARGE;
      }
      return StatusFileParser.parse(content, job);
    } catch (IOException e) {
      return SourceError.UNREADABLE;
    } catch (StatusFileParser.Invalid e) {
      return e;
    }
  }

  private Observation observe(StatusFileParser.Status status, Duration budget) throws InterruptedException {
    if (status.outcome().equals("running")) {
      return new Observation(Optional.empty(), "", List.of(), Optional.empty(), status.lastSuccess(),
          status.previousBytes(), Optional.of(status.started()), "");
    }
    boolean success = status.outcome().equals("success");
    Optional<Path> backup = Optional.empty();
    OptionalLong bytes = status.bytes();
    Optional<Boolean> integrity = Optional.empty();
    if (status.file().isPresent()) {
      try {
        Path real = ContainedPath.resolve(config.folder(), status.file().get());
        FileStamp stamp = FileStamp.of(real);
        backup = Optional.of(real);
        if (bytes.isEmpty()) {
          bytes = OptionalLong.of(stamp.size());
        }
        if (success) {
          integrity = verify(status, stamp, budget);
        }
      } catch (ContainedPath.Outside e) {
        return Observation.failed(SourceError.OUTSIDE_FOLDER, "the backup file named in the status file resolves outside "
            + config.folder()).withVersion(String.valueOf(parsedStamp));
      } catch (IOException e) {
        integrity = success ? Optional.of(false) : Optional.empty(); // the backup it reports is gone
      }
    }
    Run run = new Run(status.started() + "|" + status.finished().orElseThrow() + "|" + status.outcome(),
        status.finished().orElseThrow(), success, Optional.of(StatusFileParser.duration(status)), bytes, backup,
        status.tables());
    return new Observation(Optional.empty(), "", List.of(run), integrity, status.lastSuccess(), status.previousBytes(),
        Optional.empty(), "");
  }

  private Optional<Boolean> verify(StatusFileParser.Status status, FileStamp stamp, Duration budget)
      throws IOException, InterruptedException {
    if (status.bytes().isPresent() && status.bytes().getAsLong() != stamp.size()) {
      return Optional.of(false); // truncated or replaced since the job wrote the status
    }
    if (status.checksum().isEmpty()) {
      return Optional.empty(); // nothing recorded to verify against
    }
    return checksums.sha256(stamp, budget).map(actual -> actual.equalsIgnoreCase(status.checksum().get()));
  }

  /** How often the status file was parsed (tests check that an unchanged file is not re-read). */
  public synchronized long parses() {
    return parses;
  }

  public Map<String, String> describe() {
    return Map.of("status file", config.folder().resolve(config.name()).toString());
  }
}
