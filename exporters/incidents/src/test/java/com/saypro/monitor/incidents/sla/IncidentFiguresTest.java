package com.saypro.monitor.incidents.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.store.IncidentEvent;
import com.saypro.monitor.incidents.store.IncidentEvent.AckSource;
import com.saypro.monitor.incidents.store.IncidentKey;
import com.saypro.monitor.incidents.store.IncidentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SLA rules on a fixed timeline: no sleeping, every deadline passed by moving "now". */
class IncidentFiguresTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Classification CLASSIFY =
      new Classification("severity", "team", Set.of("payments"), SlaPolicy.defaultTargets().keySet());
  private static final SlaPolicy POLICY = new SlaPolicy(SlaPolicy.defaultTargets(), Duration.ofMinutes(5));
  private static final LabelKey CRITICAL_PAYMENTS = new LabelKey("critical", "payments");

  private final IncidentFigures figures = new IncidentFigures(CLASSIFY, POLICY, T0, Instant.MAX);

  @Test
  void criticalAcknowledgedWithinFifteenMinutesMeetsTheResponseSla() {
    IncidentKey key = open("a1", "critical", "payments", T0);
    acknowledge(key, "critical", "payments", T0.plus(Duration.ofMinutes(14)));

    FiguresView view = figures.view(T0.plus(Duration.ofHours(3)));
    FiguresView.Series series = series(view, CRITICAL_PAYMENTS);
    assertThat(series.acknowledgeBreaches()).isZero();
    assertThat(series.unacknowledged()).isZero();
    assertThat(series.open()).isEqualTo(1);
    assertThat(series.timeToAcknowledge().sum()).isEqualTo(14 * 60.0);
    assertThat(bucketCount(series.timeToAcknowledge(), 900)).isEqualTo(1);
    assertThat(compliance(view, CRITICAL_PAYMENTS, SlaKind.ACKNOWLEDGE)).isEqualTo(new long[] {1, 0});
  }

  @Test
  void criticalNotAcknowledgedIsABreachOnlyAfterTheGrace() {
    IncidentKey key = open("a2", "critical", "payments", T0);

    FiguresView atDeadline = figures.view(T0.plus(Duration.ofMinutes(15)));
    assertThat(series(atDeadline, CRITICAL_PAYMENTS).acknowledgeBreaches()).isZero();
    assertThat(series(atDeadline, CRITICAL_PAYMENTS).oldestUnacknowledgedAge()).contains(Duration.ofMinutes(15));

    FiguresView afterGrace = figures.view(T0.plus(Duration.ofMinutes(20)));
    assertThat(series(afterGrace, CRITICAL_PAYMENTS).acknowledgeBreaches()).isEqualTo(1);

    // a late acknowledgement is measured, but the verdict stands
    acknowledge(key, "critical", "payments", T0.plus(Duration.ofMinutes(25)));
    FiguresView later = figures.view(T0.plus(Duration.ofMinutes(30)));
    assertThat(series(later, CRITICAL_PAYMENTS).acknowledgeBreaches()).isEqualTo(1);
    assertThat(series(later, CRITICAL_PAYMENTS).timeToAcknowledge().sum()).isEqualTo(25 * 60.0);
    assertThat(compliance(later, CRITICAL_PAYMENTS, SlaKind.ACKNOWLEDGE)).isEqualTo(new long[] {0, 1});
  }

  @Test
  void anAcknowledgementDatedBeforeTheDeadlineButLearnedWithinTheGraceCountsAsMet() {
    IncidentKey key = open("a3", "critical", "payments", T0);
    figures.view(T0.plus(Duration.ofMinutes(17))); // deadline passed, grace not yet
    acknowledge(key, "critical", "payments", T0.plus(Duration.ofMinutes(14)));
    FiguresView view = figures.view(T0.plus(Duration.ofHours(1)));
    assertThat(series(view, CRITICAL_PAYMENTS).acknowledgeBreaches()).isZero();
  }

  @Test
  void nonCriticalHasTwoHoursToRespondAndNoResolutionTarget() {
    open("w1", "warning", "payments", T0);
    LabelKey warning = new LabelKey("warning", "payments");
    assertThat(series(figures.view(T0.plus(Duration.ofMinutes(124))), warning).acknowledgeBreaches()).isZero();
    FiguresView view = figures.view(T0.plus(Duration.ofMinutes(126)));
    assertThat(series(view, warning).acknowledgeBreaches()).isEqualTo(1);
    assertThat(series(figures.view(T0.plus(Duration.ofDays(2))), warning).resolveBreaches()).isZero();
  }

  @Test
  void highPriorityUnresolvedAfterTwoHoursBreachesTheResolutionSla() {
    IncidentKey late = open("h1", "high", "payments", T0);
    IncidentKey quick = open("h2", "high", "payments", T0);
    acknowledge(late, "high", "payments", T0.plus(Duration.ofMinutes(5)));
    resolve(quick, "high", "payments", T0.plus(Duration.ofMinutes(90)));

    LabelKey high = new LabelKey("high", "payments");
    FiguresView view = figures.view(T0.plus(Duration.ofMinutes(126)));
    assertThat(series(view, high).resolveBreaches()).isEqualTo(1);
    assertThat(series(view, high).acknowledgeBreaches()).isZero();
    assertThat(compliance(view, high, SlaKind.RESOLVE)).isEqualTo(new long[] {1, 1});
    assertThat(bucketCount(series(view, high).timeToResolve(), 5400)).isEqualTo(1);
  }

  @Test
  void aResolutionWithoutAcknowledgementIsAResponseInTime() {
    IncidentKey key = open("r1", "critical", "payments", T0);
    resolve(key, "critical", "payments", T0.plus(Duration.ofMinutes(8)));
    FiguresView view = figures.view(T0.plus(Duration.ofHours(5)));
    FiguresView.Series s = series(view, CRITICAL_PAYMENTS);
    assertThat(s.acknowledgeBreaches()).isZero();
    assertThat(s.resolveBreaches()).isZero();
    assertThat(s.open()).isZero();
    assertThat(s.timeToAcknowledge().counts()).containsOnly(0L);
  }

  @Test
  void responseVerdictsWaitUntilSilencesWereCheckedPastTheDeadline() {
    IncidentFigures polled = new IncidentFigures(CLASSIFY, POLICY, T0, Instant.MIN);
    polled.apply(new IncidentEvent.Opened(record("s1", "critical", "payments", T0)));
    assertThat(series(polled.view(T0.plus(Duration.ofHours(1))), CRITICAL_PAYMENTS).acknowledgeBreaches()).isZero();
    polled.silencesCheckedUntil(T0.plus(Duration.ofMinutes(14)));
    assertThat(series(polled.view(T0.plus(Duration.ofHours(1))), CRITICAL_PAYMENTS).acknowledgeBreaches()).isZero();
    polled.silencesCheckedUntil(T0.plus(Duration.ofMinutes(16)));
    assertThat(series(polled.view(T0.plus(Duration.ofHours(1))), CRITICAL_PAYMENTS).acknowledgeBreaches()).isEqualTo(1);
  }

  @Test
  void labelsAreBoundedByTheConfig() {
    open("x1", "page-me-now", "growth-hackers", T0);
    open("x2", "critical", "", T0);
    FiguresView view = figures.view(T0);
    assertThat(view.series()).extracting(FiguresView.Series::labels)
        .containsExactly(new LabelKey("critical", "none"), new LabelKey("other", "other"));
  }

  @Test
  void theComplianceWindowKeepsThirtyDays() {
    IncidentKey old = open("o1", "critical", "payments", T0);
    acknowledge(old, "critical", "payments", T0.plus(Duration.ofMinutes(1)));
    assertThat(compliance(figures.view(T0.plus(Duration.ofDays(29))), CRITICAL_PAYMENTS, SlaKind.ACKNOWLEDGE))
        .isEqualTo(new long[] {1, 0});
    assertThat(figures.view(T0.plus(Duration.ofDays(31))).compliance()).isEmpty();
  }

  @Test
  void aRebuildFromTheStoredRowsGivesTheSameFiguresAsTheLiveEvents() {
    IncidentKey a = open("b1", "critical", "payments", T0);
    acknowledge(a, "critical", "payments", T0.plus(Duration.ofMinutes(3)));
    resolve(a, "critical", "payments", T0.plus(Duration.ofMinutes(40)));
    open("b2", "critical", "payments", T0.plus(Duration.ofMinutes(1)));
    IncidentKey c = open("b3", "warning", "other-team", T0);
    resolve(c, "warning", "other-team", T0.plus(Duration.ofHours(3)));
    Instant now = T0.plus(Duration.ofHours(4));
    FiguresView live = figures.view(now);

    IncidentFigures rebuilt = new IncidentFigures(CLASSIFY, POLICY, now, Instant.MAX);
    rebuilt.replay(withTimes(record("b1", "critical", "payments", T0), T0.plus(Duration.ofMinutes(3)), T0.plus(Duration.ofMinutes(40))));
    rebuilt.replay(record("b2", "critical", "payments", T0.plus(Duration.ofMinutes(1))));
    rebuilt.replay(withTimes(record("b3", "warning", "other-team", T0), null, T0.plus(Duration.ofHours(3))));
    assertThat(rebuilt.view(now)).usingRecursiveComparison().isEqualTo(live);
  }

  @Test
  void acknowledgedAndResolvedIncidentsDoNotPileUpBehindAnOldUnacknowledgedOne() {
    // one incident nobody acknowledges, then 10,000 newer ones acknowledged or resolved: the queue of
    // unacknowledged incidents keeps them only until they outnumber the live ones
    open("old", "critical", "payments", T0);
    for (int i = 0; i < 10_000; i++) {
      Instant start = T0.plusSeconds(1 + i);
      IncidentKey key = open("n" + i, "critical", "payments", start);
      if (i % 2 == 0) {
        acknowledge(key, "critical", "payments", start.plusSeconds(1));
      } else {
        resolve(key, "critical", "payments", start.plusSeconds(1));
      }
      assertThat(figures.queuedUnacknowledged()).isLessThanOrEqualTo(IncidentFigures.MIN_COMPACTED + 2);
    }
    IncidentKey newest = open("newest", "critical", "payments", T0.plus(Duration.ofDays(1)));

    FiguresView view = figures.view(T0.plus(Duration.ofDays(2)));
    assertThat(series(view, CRITICAL_PAYMENTS).unacknowledged()).isEqualTo(2);
    assertThat(series(view, CRITICAL_PAYMENTS).oldestUnacknowledgedAge()).contains(Duration.ofDays(2));

    // the head is dropped when it stops counting; the next live one is the oldest
    acknowledge(IncidentKey.of("old", T0), "critical", "payments", T0.plus(Duration.ofDays(2)));
    FiguresView after = figures.view(T0.plus(Duration.ofDays(2)));
    assertThat(series(after, CRITICAL_PAYMENTS).unacknowledged()).isEqualTo(1);
    assertThat(series(after, CRITICAL_PAYMENTS).oldestUnacknowledgedAge()).contains(Duration.ofDays(1));
    resolve(newest, "critical", "payments", T0.plus(Duration.ofDays(2)));
    FiguresView none = figures.view(T0.plus(Duration.ofDays(2)));
    assertThat(series(none, CRITICAL_PAYMENTS).unacknowledged()).isZero();
    assertThat(series(none, CRITICAL_PAYMENTS).oldestUnacknowledgedAge()).isEmpty();
    assertThat(figures.queuedUnacknowledged()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private IncidentKey open(String fingerprint, String severity, String team, Instant startsAt) {
    IncidentRecord record = record(fingerprint, severity, team, startsAt);
    figures.apply(new IncidentEvent.Opened(record));
    return record.key();
  }

  private void acknowledge(IncidentKey key, String severity, String team, Instant at) {
    figures.apply(new IncidentEvent.Acknowledged(key, severity, team, at, AckSource.API));
  }

  private void resolve(IncidentKey key, String severity, String team, Instant at) {
    figures.apply(new IncidentEvent.Resolved(key, severity, team, at));
  }

  private static IncidentRecord record(String fingerprint, String severity, String team, Instant startsAt) {
    return new IncidentRecord(IncidentKey.of(fingerprint, startsAt), "Test", severity, team,
        Map.of("alertname", "Test"), "", startsAt, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static IncidentRecord withTimes(IncidentRecord r, Instant acknowledged, Instant resolved) {
    return new IncidentRecord(r.key(), r.alertname(), r.severity(), r.team(), r.labels(), r.summary(), r.firstSeenAt(),
        Optional.ofNullable(acknowledged), Optional.ofNullable(acknowledged).map(a -> "test"), Optional.ofNullable(resolved));
  }

  private static FiguresView.Series series(FiguresView view, LabelKey labels) {
    return view.series().stream().filter(s -> s.labels().equals(labels)).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + labels + " in " + view.series()));
  }

  private static long[] compliance(FiguresView view, LabelKey labels, SlaKind kind) {
    return view.compliance().stream().filter(c -> c.labels().equals(labels) && c.kind() == kind)
        .map(c -> new long[] {c.met(), c.breached()}).findFirst().orElse(new long[] {0, 0});
  }

  private static long bucketCount(FiguresView.Histogram histogram, double upperBound) {
    for (int i = 0; i < histogram.bounds().length; i++) {
      if (histogram.bounds()[i] == upperBound) {
        return histogram.counts()[i];
      }
    }
    throw new AssertionError("no bucket " + upperBound);
  }
}
