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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Every figure the metrics show, kept in memory and updated per change, so a scrape costs the same
 * with ten incidents stored or a million: rebuilt once from the store when the exporter starts,
 * then told each committed change.
 *
 * <p>SLA verdicts: an incident's response deadline is met if it was acknowledged (or resolved) by
 * then; its resolution deadline if it was resolved by then. A deadline that passes without either
 * becomes a breach only {@code grace} later, and for responses only once the silences have been
 * checked up to the deadline, so an acknowledgement made in time but learned late is not counted
 * as a breach. Once given, a verdict stands.
 *
 * <p>Thread-safe: the store's writer thread changes it, scrapes read it, under one lock.
 */
public final class IncidentFigures implements IncidentListener {
  static final double[] ACKNOWLEDGE_BUCKETS = {60, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400, Double.POSITIVE_INFINITY};
  static final double[] RESOLVE_BUCKETS = {300, 900, 1800, 3600, 5400, 7200, 14400, 28800, 86400, 259200, Double.POSITIVE_INFINITY};

  /** Below this many queued, stale unacknowledged entries are only dropped from the head. */
  static final int MIN_COMPACTED = 32;
  private static final Comparator<OpenIncident> BY_START = (a, b) -> Long.compare(a.key.startsAtMillis(), b.key.startsAtMillis());

  private final int minCompacted;
  private final Classification classification;
  private final SlaPolicy policy;
  private final Map<LabelKey, SeriesState> series = new TreeMap<>();
  private final Map<IncidentKey, OpenIncident> open = new HashMap<>();
  // the incidents themselves, by deadline: no deadline object per incident (memory per open incident
  // is what the garbage collector pays for, see docs/BENCHMARKS.md)
  private final PriorityQueue<OpenIncident> acknowledgeDeadlines =
      new PriorityQueue<>((a, b) -> Long.compare(a.acknowledgeBy, b.acknowledgeBy));
  private final PriorityQueue<OpenIncident> resolveDeadlines =
      new PriorityQueue<>((a, b) -> Long.compare(a.resolveBy, b.resolveBy));
  private final Map<LabelKey, EnumMap<SlaKind, ComplianceWindow>> compliance = new TreeMap<>();
  private Instant now;
  private Instant silencesCheckedUntil;

  /**
   * @param now the clock's reading at the rebuild (outcomes older than 30 days are not filed)
   * @param silencesCheckedUntil {@link Instant#MAX} when no Alertmanager is polled for silences
   */
  public IncidentFigures(Classification classification, SlaPolicy policy, Instant now, Instant silencesCheckedUntil) {
    this(classification, policy, now, silencesCheckedUntil, MIN_COMPACTED);
  }

  /** @param minCompacted below this many entries a series' unacknowledged queue is not compacted (tests: small histories) */
  IncidentFigures(Classification classification, SlaPolicy policy, Instant now, Instant silencesCheckedUntil, int minCompacted) {
    this.minCompacted = minCompacted;
    this.classification = classification;
    this.policy = policy;
    this.now = now;
    this.silencesCheckedUntil = silencesCheckedUntil;
  }

  private final class SeriesState {
    /** The one label key of this series, which its incidents share (not one copy per incident). */
    final LabelKey labels;
    long created;
    long open;
    /**
     * The open, unacknowledged incidents, oldest start first. One acknowledged or closed is left in
     * place and dropped when it reaches the head, or with all the others once they outnumber the
     * live ones, so each incident costs a slot here instead of a TreeSet entry (40 bytes, and a
     * walk down the tree per insert on the store's writer thread).
     */
    final PriorityQueue<OpenIncident> unacknowledged = new PriorityQueue<>(BY_START);
    long unacknowledgedCount;
    final DurationHistogram timeToAcknowledge = new DurationHistogram(ACKNOWLEDGE_BUCKETS);
    final DurationHistogram timeToResolve = new DurationHistogram(RESOLVE_BUCKETS);
    final EnumMap<SlaKind, Long> breaches = new EnumMap<>(SlaKind.class);

    SeriesState(LabelKey labels) {
      this.labels = labels;
    }

    void unacknowledgedAdded(OpenIncident incident) {
      unacknowledged.add(incident);
      unacknowledgedCount++;
    }

    /** One of them was acknowledged, closed or replaced: it has become stale in the queue. */
    void unacknowledgedLeft() {
      unacknowledgedCount--;
      if (unacknowledged.size() > minCompacted && unacknowledged.size() > 2 * unacknowledgedCount) {
        unacknowledged.removeIf(OpenIncident::acknowledgedOrClosed);
      }
    }

    /** The oldest open unacknowledged incident, or null. */
    OpenIncident oldestUnacknowledged() {
      OpenIncident head;
      while ((head = unacknowledged.peek()) != null && head.acknowledgedOrClosed()) {
        unacknowledged.poll();
      }
      return head;
    }
  }

  /** An open incident, and (while its verdicts are undecided) its place in the deadline queues. */
  private static final class OpenIncident {
    final IncidentKey key;
    final SeriesState series;
    /** Deadlines, epoch milliseconds; meaningful only while the matching verdict is undecided. */
    long acknowledgeBy;
    long resolveBy;
    boolean open = true;
    boolean acknowledged;
    boolean acknowledgeUndecided;
    boolean resolveUndecided;

    OpenIncident(IncidentKey key, SeriesState series) {
      this.key = key;
      this.series = series;
    }

    boolean acknowledgedOrClosed() {
      return acknowledged || !open;
    }
  }

  // ---------------------------------------------------------------- changes

  @Override
  public synchronized void replay(IncidentRecord record) {
    SeriesState labels = classify(record.severity(), record.team());
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
    SeriesState labels = classify(event.severity(), event.team());
    if (event instanceof IncidentEvent.Opened opened) {
      opened(event.key(), labels);
      if (opened.record().resolvedAt().isPresent()) {
        resolved(event.key(), labels, opened.record().resolvedAt().get());
      }
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

  /** The series of a raw severity and team (created on first use); its key is shared, not copied. */
  private SeriesState classify(String severity, String team) {
    LabelKey labels = new LabelKey(classification.severity(severity), classification.team(team));
    SeriesState state = series.get(labels);
    if (state == null) {
      state = new SeriesState(labels);
      series.put(labels, state);
    }
    return state;
  }

  private void opened(IncidentKey key, SeriesState state) {
    state.created++;
    state.open++;
    OpenIncident incident = new OpenIncident(key, state);
    state.unacknowledgedAdded(incident);
    SlaPolicy.Targets targets = policy.targets(state.labels.severity());
    if (targets.acknowledgeWithin().isPresent()) {
      incident.acknowledgeUndecided = true;
      incident.acknowledgeBy = deadline(key, targets.acknowledgeWithin().get());
      acknowledgeDeadlines.add(incident);
    }
    if (targets.resolveWithin().isPresent()) {
      incident.resolveUndecided = true;
      incident.resolveBy = deadline(key, targets.resolveWithin().get());
      resolveDeadlines.add(incident);
    }
    OpenIncident previous = open.put(key, incident);
    if (previous != null) {
      // opened twice (never by the store, which inserts a key once): keep the newer
      if (!previous.acknowledged) {
        previous.series.unacknowledgedLeft();
      }
      previous.open = false;
    }
  }

  /** Start plus limit in epoch milliseconds (durations from the config are whole milliseconds). */
  private static long deadline(IncidentKey key, Duration limit) {
    long sum = key.startsAtMillis() + limit.toMillis();
    // saturate instead of wrapping: such a deadline is never reached, as with Instant arithmetic
    return ((key.startsAtMillis() ^ sum) & (limit.toMillis() ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private void acknowledged(IncidentKey key, SeriesState state, Instant at) {
    state.timeToAcknowledge.observe(seconds(key, at));
    OpenIncident incident = open.get(key);
    if (incident == null || incident.acknowledged) {
      return; // acknowledged after its resolution: its response was already judged at the resolution
    }
    incident.acknowledged = true;
    incident.series.unacknowledgedLeft();
    if (incident.acknowledgeUndecided) {
      incident.acknowledgeUndecided = false;
      judge(key, state, SlaKind.ACKNOWLEDGE, within(key, state, at, SlaKind.ACKNOWLEDGE));
    }
  }

  private void resolved(IncidentKey key, SeriesState state, Instant at) {
    state.timeToResolve.observe(seconds(key, at));
    OpenIncident incident = open.remove(key);
    if (incident == null) {
      return;
    }
    incident.open = false; // its entries in the queues are dropped when they come due
    state.open--;
    if (!incident.acknowledged) {
      incident.series.unacknowledgedLeft();
    }
    if (incident.acknowledgeUndecided) {
      judge(key, state, SlaKind.ACKNOWLEDGE, within(key, state, at, SlaKind.ACKNOWLEDGE));
    }
    if (incident.resolveUndecided) {
      judge(key, state, SlaKind.RESOLVE, within(key, state, at, SlaKind.RESOLVE));
    }
  }

  private boolean within(IncidentKey key, SeriesState state, Instant at, SlaKind kind) {
    SlaPolicy.Targets targets = policy.targets(state.labels.severity());
    return !at.isAfter(key.startsAt().plus(limit(targets, kind)));
  }

  private static Duration limit(SlaPolicy.Targets targets, SlaKind kind) {
    return (kind == SlaKind.ACKNOWLEDGE ? targets.acknowledgeWithin() : targets.resolveWithin()).orElseThrow();
  }

  private void judge(IncidentKey key, SeriesState state, SlaKind kind, boolean met) {
    compliance.computeIfAbsent(state.labels, l -> new EnumMap<>(SlaKind.class))
        .computeIfAbsent(kind, k -> new ComplianceWindow())
        .add(key.startsAt(), met, now);
    if (!met) {
      state.breaches.merge(kind, 1L, Long::sum);
    }
  }

  /** Breaches whose grace has passed (and, for responses, whose silences have been checked). */
  private void decideDeadlines() {
    // a deadline (whole milliseconds) is not after an instant iff it is not after the instant's millisecond
    long graceStart = floorMillis(now.minus(policy.grace()));
    long acknowledgeLimit = Math.min(graceStart, floorMillis(silencesCheckedUntil));
    OpenIncident due;
    while ((due = acknowledgeDeadlines.peek()) != null && due.acknowledgeBy <= acknowledgeLimit) {
      acknowledgeDeadlines.poll();
      if (due.open && due.acknowledgeUndecided) {
        due.acknowledgeUndecided = false;
        judge(due.key, due.series, SlaKind.ACKNOWLEDGE, false);
      }
    }
    while ((due = resolveDeadlines.peek()) != null && due.resolveBy <= graceStart) {
      resolveDeadlines.poll();
      if (due.open && due.resolveUndecided) {
        due.resolveUndecided = false;
        judge(due.key, due.series, SlaKind.RESOLVE, false);
      }
    }
  }

  /** The instant's epoch millisecond, rounded down, saturated for {@link Instant#MIN} and {@link Instant#MAX}. */
  private static long floorMillis(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1000) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1000) {
      return Long.MIN_VALUE;
    }
    return seconds * 1000 + instant.getNano() / 1_000_000;
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
      OpenIncident oldestIncident = s.oldestUnacknowledged();
      Optional<Duration> oldest = oldestIncident == null
          ? Optional.empty()
          : Optional.of(nonNegative(Duration.between(oldestIncident.key.startsAt(), now)));
      seriesViews.add(new FiguresView.Series(
          entry.getKey(), s.created, s.open, s.unacknowledgedCount, oldest,
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

  /** Entries in the unacknowledged queues, live and stale (for the test that they stay bounded). */
  synchronized int queuedUnacknowledged() {
    int queued = 0;
    for (SeriesState s : series.values()) {
      queued += s.unacknowledged.size();
    }
    return queued;
  }

  private static FiguresView.Histogram histogram(DurationHistogram h) {
    return new FiguresView.Histogram(h.bounds(), h.counts(), h.sum());
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
