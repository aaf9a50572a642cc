package com.saypro.monitor.incidents.sla;

import java.util.Arrays;

/**
 * Observed durations in fixed buckets (not cumulative; the last bound is +Inf). Not thread-safe:
 * {@link IncidentFigures} guards it.
 */
final class DurationHistogram {
  private final double[] bounds;
  private final long[] counts;
  private double sum;

  DurationHistogram(double[] bounds) {
    this.bounds = bounds;
    this.counts = new long[bounds.length];
  }

  void observe(double seconds) {
    int i = 0;
    while (seconds > bounds[i]) {
      i++;
    }
    counts[i]++;
    sum += seconds;
  }

  double[] bounds() {
    return bounds.clone();
  }

  long[] counts() {
    return Arrays.copyOf(counts, counts.length);
  }

  double sum() {
    return sum;
  }

  long count() {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
