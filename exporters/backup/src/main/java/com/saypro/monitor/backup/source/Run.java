package com.saypro.monitor.backup.source;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One backup run as a source reports it.
 *
 * @param key identifies the run across polls (file name and time, snapshot id, start and end)
 * @param time when it ended (or the file was written); the recovery point of its backup
 * @param success false for a reported failure or an empty dump
 * @param file the backup file, when the source has one (drills restore it)
 * @param tables row counts recorded at backup time (status files), for drill verification
 */
public record Run(
    String key,
    Instant time,
    boolean success,
    Optional<Duration> duration,
    OptionalLong bytes,
    Optional<Path> file,
    Map<String, Long> tables) {
  public Run {
    tables = Map.copyOf(tables);
  }

  /** Oldest first; ties by key so the order is total. */
  public static int chronological(Run a, Run b) {
    int byTime = a.time.compareTo(b.time);
    return byTime != 0 ? byTime : a.key.compareTo(b.key);
  }
}
