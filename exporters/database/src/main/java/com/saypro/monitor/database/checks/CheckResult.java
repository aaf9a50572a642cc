package com.saypro.monitor.database.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one run of a check on one target: its rows (empty on failure), when it finished,
 * how long it took, and why it failed.
 */
public record CheckResult(List<Row> rows, boolean success, String error, Instant finished, Duration took) {
  public CheckResult {
    rows = List.copyOf(rows);
  }

  /** One result row: the key column values (in the check's label order) and the numbers. */
  public record Row(List<String> labelValues, List<Double> values) {
    public Row {
      labelValues = List.copyOf(labelValues);
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }
}
