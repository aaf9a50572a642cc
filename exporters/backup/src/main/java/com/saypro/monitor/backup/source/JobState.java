package com.saypro.monitor.backup.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the exporter reports about one job at one moment.
 *
 * @param sizeRatio newest size / previous size; 1 when either is unknown
 * @param sizeOk false when the ratio is below the job's {@code min_size_ratio}
 * @param errors per {@link SourceError}, counted since start
 */
public record JobState(
    boolean sourceOk,
    String detail,
    Optional<Instant> lastAttempt,
    Optional<Instant> lastSuccess,
    Optional<Duration> duration,
    OptionalLong size,
    double sizeRatio,
    boolean sizeOk,
    Optional<Boolean> integrity,
    long successes,
    long failures,
    long[] errors,
    Optional<Run> newestSuccess) {

  public OptionalDouble lastAttemptSeconds() {
    return seconds(lastAttempt);
  }

  public OptionalDouble lastSuccessSeconds() {
    return seconds(lastSuccess);
  }

  private static OptionalDouble seconds(Optional<Instant> t) {
    return t.map(i -> OptionalDouble.of(i.toEpochMilli() / 1000.0)).orElse(OptionalDouble.empty());
  }
}
