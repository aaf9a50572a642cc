package com.saypro.monitor.incidents.sla;

import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.store.IncidentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How one incident stands against one SLA, for the page and the JSON API (the metrics keep their
 * own running verdicts, see {@link IncidentFigures}).
 */
public enum SlaVerdict {
  MET,
  BREACHED,
  PENDING,
  NOT_MEASURED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SlaVerdict of(IncidentRecord incident, SlaKind kind, Classification classification, SlaPolicy policy, Instant now) {
    SlaPolicy.Targets targets = policy.targets(classification.severity(incident.severity()));
    Optional<Duration> limit = kind == SlaKind.ACKNOWLEDGE ? targets.acknowledgeWithin() : targets.resolveWithin();
    if (limit.isEmpty()) {
      return NOT_MEASURED;
    }
    Instant deadline = incident.key().startsAt().plus(limit.get());
    Optional<Instant> done = kind == SlaKind.RESOLVE ? incident.resolvedAt() : earliest(incident.acknowledgedAt(), incident.resolvedAt());
    if (done.isPresent()) {
      return done.get().isAfter(deadline) ? BREACHED : MET;
    }
    return now.isAfter(deadline) ? BREACHED : PENDING;
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isPresent() && b.isPresent()) {
      return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }
    return a.isPresent() ? a : b;
  }
}
