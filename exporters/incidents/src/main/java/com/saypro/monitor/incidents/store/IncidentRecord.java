package com.saypro.monitor.incidents.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One stored incident, as the page, the JSON API and the silence matcher see it.
 *
 * @param severity the raw value of the severity label (classified into bounded values only for metrics)
 * @param team the raw value of the team label
 * @param firstSeenAt when the exporter first received a notification about it
 * @param acknowledgedBy who acknowledged: {@code silence <id> by <creator>} or the name given to the API
 */
public record IncidentRecord(
    IncidentKey key,
    String alertname,
    String severity,
    String team,
    Map<String, String> labels,
    String summary,
    Instant firstSeenAt,
    Optional<Instant> acknowledgedAt,
    Optional<String> acknowledgedBy,
    Optional<Instant> resolvedAt) {
  public IncidentRecord {
    labels = Labels.copyOf(labels);
  }

  public boolean open() {
    return resolvedAt.isEmpty();
  }

  public Optional<Duration> timeToAcknowledge() {
    return acknowledgedAt.map(at -> nonNegative(Duration.between(key.startsAt(), at)));
  }

  public Optional<Duration> timeToResolve() {
    return resolvedAt.map(at -> nonNegative(Duration.between(key.startsAt(), at)));
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
