package com.saypro.monitor.incidents.sla;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An immutable copy of the figures at one instant, for the collectors.
 *
 * @param series one entry per severity and team ever seen, sorted
 * @param compliance one entry per severity, team and SLA with at least one decided outcome in the
 *     last 30 days
 */
public record FiguresView(List<Series> series, List<Compliance> compliance) {
  public FiguresView {
    series = List.copyOf(series);
    compliance = List.copyOf(compliance);
  }

  /** Everything about one severity and team. */
  public record Series(
      LabelKey labels,
      long created,
      long open,
      long unacknowledged,
      Optional<Duration> oldestUnacknowledgedAge,
      Histogram timeToAcknowledge,
      Histogram timeToResolve,
      long acknowledgeBreaches,
      long resolveBreaches) {}

  /** Buckets (not cumulative, last +Inf) and sum of a duration histogram. */
  public record Histogram(double[] bounds, long[] counts, double sum) {}

  /** SLA outcomes of the last 30 days for one severity, team and SLA. */
  public record Compliance(LabelKey labels, SlaKind kind, long met, long breached) {
    public double ratio() {
      return met / (double) (met + breached);
    }
  }
}
