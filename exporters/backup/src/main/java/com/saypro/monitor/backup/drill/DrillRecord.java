package com.saypro.monitor.backup.drill;

import java.util.Optional;

/**
 * A drill's history as reported and persisted: the last result and the run counters.
 *
 * @param lastRunSeconds Unix seconds of the last drill's start
 * @param failure the last drill's failure label, empty when it succeeded or none ran
 */
public record DrillRecord(
    Optional<Double> lastRunSeconds,
    Optional<Double> lastSuccessSeconds,
    Optional<Boolean> lastSuccess,
    Optional<Double> restoreSeconds,
    Optional<Double> recoveryPointAgeSeconds,
    long successes,
    long failures,
    Optional<String> failure,
    String message) {
  public static final DrillRecord NONE = new DrillRecord(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), "no drill has run yet");

  public DrillRecord after(DrillResult result) {
    double started = result.started().toEpochMilli() / 1000.0;
    return new DrillRecord(
        Optional.of(started),
        result.success() ? Optional.of(started) : lastSuccessSeconds,
        Optional.of(result.success()),
        result.restore().map(d -> d.toNanos() / 1e9),
        result.recoveryPointAge().map(d -> d.toMillis() / 1000.0),
        successes + (result.success() ? 1 : 0),
        failures + (result.success() ? 0 : 1),
        result.failure().map(DrillFailure::label),
        result.message());
  }
}
