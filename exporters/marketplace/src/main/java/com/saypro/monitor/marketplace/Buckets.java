package com.saypro.monitor.marketplace;

import java.util.Arrays;

/**
 * A classic histogram being filled: fixed upper bounds (ending in {@code +Inf}), a count per bucket
 * and a sum. Not thread-safe; its owner guards it.
 */
public final class Buckets {
  /** The default bounds: they include the SLA targets 0.1 s (API) and 0.25, 0.5, 1, 2.5 s (page loads). */
  public static final double[] DEFAULT_BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final double[] upperBounds;
  private final long[] counts;
  private double sum;

  /** @param bounds finite, strictly increasing upper bounds; {@code +Inf} is added */
  public Buckets(double[] bounds) {
    this.upperBounds = Arrays.copyOf(bounds, bounds.length + 1);
    this.upperBounds[bounds.length] = Double.POSITIVE_INFINITY;
    this.counts = new long[upperBounds.length];
  }

  public void observe(double value) {
    for (int i = 0; i < upperBounds.length; i++) {
      if (value <= upperBounds[i]) {
        counts[i]++;
        break;
      }
    }
    sum += value;
  }

  public double[] upperBounds() {
    return upperBounds.clone();
  }

  /** Observations per bucket (not cumulative), as {@code MetricDef.Points.histogram} wants them. */
  public long[] counts() {
    return counts.clone();
  }

  public double sum() {
    return sum;
  }
}
