package com.saypro.monitor.incidents.sla;

import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.store.IncidentEvent;
import com.saypro.monitor.incidents.store.IncidentKey;
import com.saypro.monitor.incidents.store.IncidentListener;
import com.saypro.monitor.incidents.store.IncidentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link IncidentFigures} as it was before its memory layout was compacted (one object per deadline,
 * a label key per incident): the simple reference its property test compares it with.
 */
final class ReferenceIncidentFigures implements IncidentListener {
  static final double[] ACKNOWLEDGE_BUCKETS = {60, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400, Double.POSITIVE_INFINITY};
  static final double[] RESOLVE_BUCKETS = {300, 900, 1800, 3600, 5400, 7200, 14400, 28800, 86400, 259200, Double.POSITIVE_INFINITY};

  private final Classification classification;
  private final SlaPolicy policy;
  private final Map<LabelKey, SeriesState> series = new TreeMap<>();
  private final Map<IncidentKey, OpenIncident> open = new HashMap<>();
  private final PriorityQueue<Deadline> acknowledgeDeadlines = new PriorityQueue<>();
  private final PriorityQueue<Deadline> resolveDeadlines = new PriorityQueue<>();
  private final Map<LabelKey, EnumMap<SlaKind, ComplianceWindow>> compliance = new TreeMap<>();
  private Instant now;
  private Instant silencesCheckedUntil;

  /**
   * @param now the clock's reading at the rebuild (outcomes older than 30 days are not filed)
   * @param silencesCheckedUntil {@link Instant#MAX} when no Alertmanager is polled for silences
   */
  ReferenceIncidentFigures(Classification classification, SlaPolicy policy, Instant now, Instant silencesCheckedUntil) {
    this.classification = classification;
    this.policy = policy;
    this.now = now;
    this.silencesCheckedUntil = silencesCheckedUntil;
  }

  private static final class SeriesState {
    long created;
    long open;
    final TreeSet<IncidentKey> unacknowledged = new TreeSet<>();
    final DurationHistogram timeToAcknowledge = new DurationHistogram(ACKNOWLEDGE_BUCKETS);
    final DurationHistogram timeToResolve = new DurationHistogram(RESOLVE_BUCKETS);
    final EnumMap<SlaKind, Long> breaches = new EnumMap<>(SlaKind.class);
  }

  private static final class OpenIncident {
    final LabelKey labels;
    boolean acknowledged;
    boolean acknowledgeUndecided;
    boolean resolveUndecided;

    OpenIncident(LabelKey labels) {
      this.labels = labels;
    }
  }

  private record Deadline(Instant at, IncidentKey key) implements Comparable<Deadline> {
    @Override
    public int compareTo(Deadline other) {
      return at.compareTo(other.at);
    }
  }

  // ---------------------------------------------------------------- changes

  @Override
  public synchronized void replay(IncidentRecord record) {
    LabelKey labels = classify(record.severity(), record.team());
    opened(record.key(), labels);
    Optional<Instant> ack = record.acknowledgedAt();
    Optional<Instant> resolved = record.resolvedAt();
    if (ack.isPresent() && resolved.isPresent() && resolved.get().isBefore(ack.get())) {
      resolved(record.key(), labels, resolved.get());
      acknowledged(record.key(), labels, ack.get());
    } else {
      ack.ifPresent(at -> acknowledged(record.key(), labels, at));
      resolved.ifPresent(at -> resolved(record.key(), labels, at));
    }
  }

  @Override
  public synchronized void apply(IncidentEvent event) {
    LabelKey labels = classify(event.severity(), event.team());
    if (event instanceof IncidentEvent.Opened opened) {
      opened(event.key(), labels);
      opened.record().resolvedAt().ifPresent(at -> resolved(event.key(), labels, at));
    } else if (event instanceof IncidentEvent.Acknowledged ack) {
      acknowledged(event.key(), labels, ack.at());
    } else if (event instanceof IncidentEvent.Resolved resolved) {
      resolved(event.key(), labels, resolved.at());
    }
  }

  /** The silence poller saw every silence created up to {@code instant}. */
  public synchronized void silencesCheckedUntil(Instant instant) {
    if (instant.isAfter(silencesCheckedUntil)) {
      silencesCheckedUntil = instant;
    }
  }

  private LabelKey classify(String severity, String team) {
    return new LabelKey(classification.severity(severity), classification.team(team));
  }

  private void opened(IncidentKey key, LabelKey labels) {
    SeriesState state = series.computeIfAbsent(labels, l -> new SeriesState());
    state.created++;
    state.open++;
    state.unacknowledged.add(key);
    OpenIncident incident = new OpenIncident(labels);
    SlaPolicy.Targets targets = policy.targets(labels.severity());
    targets.acknowledgeWithin().ifPresent(limit -> {
      incident.acknowledgeUndecided = true;
      acknowledgeDeadlines.add(new Deadline(key.startsAt().plus(limit), key));
    });
    targets.resolveWithin().ifPresent(limit -> {
      incident.resolveUndecided = true;
      resolveDeadlines.add(new Deadline(key.startsAt().plus(limit), key));
    });
    open.put(key, incident);
  }

  private void acknowledged(IncidentKey key, LabelKey labels, Instant at) {
    SeriesState state = series.computeIfAbsent(labels, l -> new SeriesState());
    state.timeToAcknowledge.observe(seconds(key, at));
    OpenIncident incident = open.get(key);
    if (incident == null || incident.acknowledged) {
      return; // acknowledged after its resolution: its response was already judged at the resolution
    }
    incident.acknowledged = true;
    state.unacknowledged.remove(key);
    if (incident.acknowledgeUndecided) {
      incident.acknowledgeUndecided = false;
      judge(key, labels, SlaKind.ACKNOWLEDGE, within(key, labels, at, SlaKind.ACKNOWLEDGE));
    }
  }

  private void resolved(IncidentKey key, LabelKey labels, Instant at) {
    SeriesState state = series.computeIfAbsent(labels, l -> new SeriesState());
    state.timeToResolve.observe(seconds(key, at));
    OpenIncident incident = open.remove(key);
    if (incident == null) {
      return;
    }
    state.open--;
    state.unacknowledged.remove(key);
    if (incident.acknowledgeUndecided) {
      judge(key, labels, SlaKind.ACKNOWLEDGE, within(key, labels, at, SlaKind.ACKNOWLEDGE));
    }
    if (incident.resolveUndecided) {
      judge(key, labels, SlaKind.RESOLVE, within(key, labels, at, SlaKind.RESOLVE));
    }
  }

  private boolean within(IncidentKey key, LabelKey labels, Instant at, SlaKind kind) {
    SlaPolicy.Targets targets = policy.targets(labels.severity());
    return !at.isAfter(key.startsAt().plus(limit(targets, kind)));
  }

  private static Duration limit(SlaPolicy.Targets targets, SlaKind kind) {
    return (kind == SlaKind.ACKNOWLEDGE ? targets.acknowledgeWithin() : targets.resolveWithin()).orElseThrow();
  }

  private void judge(IncidentKey key, LabelKey labels, SlaKind kind, boolean met) {
    compliance.computeIfAbsent(labels, l -> new EnumMap<>(SlaKind.class))
        .computeIfAbsent(kind, k -> new ComplianceWindow())
        .add(key.startsAt(), met, now);
    if (!met) {
      series.get(labels).breaches.merge(kind, 1L, Long::sum);
    }
  }

  /** Breaches whose grace has passed (and, for responses, whose silences have been checked). */
  private void decideDeadlines() {
    Instant graceStart = now.minus(policy.grace());
    Deadline due;
    while ((due = acknowledgeDeadlines.peek()) != null
        && !due.at.isAfter(graceStart) && !due.at.isAfter(silencesCheckedUntil)) {
      acknowledgeDeadlines.poll();
      OpenIncident incident = open.get(due.key);
      if (incident != null && incident.acknowledgeUndecided) {
        incident.acknowledgeUndecided = false;
        judge(due.key, incident.labels, SlaKind.ACKNOWLEDGE, false);
      }
    }
    while ((due = resolveDeadlines.peek()) != null && !due.at.isAfter(graceStart)) {
      resolveDeadlines.poll();
      OpenIncident incident = open.get(due.key);
      if (incident != null && incident.resolveUndecided) {
        incident.resolveUndecided = false;
        judge(due.key, incident.labels, SlaKind.RESOLVE, false);
      }
    }
  }

  private static double seconds(IncidentKey key, Instant at) {
    long millis = at.toEpochMilli() - key.startsAtMillis();
    return Math.max(0, millis) / 1000.0;
  }

  // ---------------------------------------------------------------- reading

  /** Advances the figures to {@code instant} (deciding due deadlines) and copies them. */
  public synchronized FiguresView view(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
    decideDeadlines();
    List<FiguresView.Series> seriesViews = new ArrayList<>(series.size());
    for (Map.Entry<LabelKey, SeriesState> entry : series.entrySet()) {
      SeriesState s = entry.getValue();
      Optional<Duration> oldest = s.unacknowledged.isEmpty()
          ? Optional.empty()
          : Optional.of(nonNegative(Duration.between(s.unacknowledged.first().startsAt(), now)));
      seriesViews.add(new FiguresView.Series(
          entry.getKey(), s.created, s.open, s.unacknowledged.size(), oldest,
          histogram(s.timeToAcknowledge), histogram(s.timeToResolve),
          s.breaches.getOrDefault(SlaKind.ACKNOWLEDGE, 0L), s.breaches.getOrDefault(SlaKind.RESOLVE, 0L)));
    }
    List<FiguresView.Compliance> complianceViews = new ArrayList<>();
    for (Map.Entry<LabelKey, EnumMap<SlaKind, ComplianceWindow>> entry : compliance.entrySet()) {
      for (Map.Entry<SlaKind, ComplianceWindow> window : entry.getValue().entrySet()) {
        long[] totals = window.getValue().totals(now);
        if (totals[0] + totals[1] > 0) {
          complianceViews.add(new FiguresView.Compliance(entry.getKey(), window.getKey(), totals[0], totals[1]));
        }
      }
    }
    return new FiguresView(seriesViews, complianceViews);
  }

  private static FiguresView.Histogram histogram(DurationHistogram h) {
    return new FiguresView.Histogram(h.bounds(), h.counts(), h.sum());
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
