package com.saypro.monitor.core.collect;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one collection: the snapshots (empty on failure), when it finished, how long it
 * took, and the reason it failed.
 */
public record CollectionResult(
    List<MetricSnapshot> snapshots, boolean success, String error, Instant finished, Duration duration) {

  public CollectionResult {
    snapshots = List.copyOf(snapshots);
  }

  static CollectionResult success(List<MetricSnapshot> snapshots, Instant finished, Duration took) {
    return new CollectionResult(snapshots, true, "", finished, took);
  }

  static CollectionResult failure(String error, Instant finished, Duration took) {
    return new CollectionResult(List.of(), false, error, finished, took);
  }
}
