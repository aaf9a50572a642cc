package com.saypro.monitor.incidents.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.store.IncidentEvent;
import com.saypro.monitor.incidents.store.IncidentEvent.AckSource;
import com.saypro.monitor.incidents.store.IncidentKey;
import com.saypro.monitor.incidents.store.IncidentListener;
import com.saypro.monitor.incidents.store.IncidentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link IncidentFigures} (deadlines kept in the incidents, one shared label key per series) gives
 * exactly the figures of {@link ReferenceIncidentFigures} (one deadline object per incident) on
 * random histories: replayed and live incidents, acknowledgements and resolutions in any order,
 * late news, silence checks and scrapes at random instants.
 */
class IncidentFiguresPropertyTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final String[] SEVERITIES = {"critical", "high", "warning", "info", "page-me", ""};
  private static final String[] TEAMS = {"payments", "platform", ""};
  private static final Classification CLASSIFY =
      new Classification("severity", "team", Set.of("payments"), SlaPolicy.defaultTargets().keySet());

  @Property(tries = 300)
  void theCompactFiguresEqualTheReference(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int steps,
      @ForAll @IntRange(min = 0, max = 2) int silences) {
    Random random = new Random(seed);
    SlaPolicy policy = new SlaPolicy(SlaPolicy.defaultTargets(), Duration.ofMinutes(random.nextInt(3) * 5L));
    Instant checked = silences == 0 ? Instant.MAX : silences == 1 ? Instant.MIN : T0;
    // the unacknowledged queues are compacted from 0 to 8 entries on (32 in service), so these short histories reach it
    IncidentFigures fast = new IncidentFigures(CLASSIFY, policy, T0, checked, random.nextInt(9));
    ReferenceIncidentFigures reference = new ReferenceIncidentFigures(CLASSIFY, policy, T0, checked);
    List<IncidentRecord> opened = new ArrayList<>();
    Instant now = T0;
    int replayed = random.nextInt(20);
    for (int i = 0; i < replayed; i++) {
      IncidentRecord record = record(random, i, now, true);
      opened.add(record);
      fast.replay(record);
      reference.replay(record);
    }
    for (int step = 0; step < steps; step++) {
      int what = random.nextInt(10);
      if (what < 3) {
        IncidentRecord record = record(random, replayed + step, now, false);
        opened.add(record);
        both(fast, reference, new IncidentEvent.Opened(record));
      } else if (what < 5 && !opened.isEmpty()) {
        IncidentRecord r = opened.get(random.nextInt(opened.size()));
        both(fast, reference, new IncidentEvent.Acknowledged(r.key(), r.severity(), r.team(), around(random, r, now), AckSource.API));
      } else if (what < 7 && !opened.isEmpty()) {
        IncidentRecord r = opened.get(random.nextInt(opened.size()));
        both(fast, reference, new IncidentEvent.Resolved(r.key(), r.severity(), r.team(), around(random, r, now)));
      } else if (what < 8) {
        Instant until = random.nextBoolean() ? now.plusMillis(random.nextInt(4 * 3_600_000) - 3_600_000L)
            : now.minus(policy.grace()).plusNanos(random.nextInt(3) - 1);
        fast.silencesCheckedUntil(until);
        reference.silencesCheckedUntil(until);
      } else {
        Instant next = now.plusNanos(random.nextLong(3 * 3_600_000_000_000L));
        if (random.nextBoolean() && !opened.isEmpty()) {
          // exactly when a deadline's grace ends, or a nanosecond before: the boundaries
          IncidentRecord r = opened.get(random.nextInt(opened.size()));
          next = r.key().startsAt().plus(random.nextBoolean() ? Duration.ofMinutes(15) : Duration.ofHours(2))
              .plus(policy.grace()).minusNanos(random.nextInt(2));
        }
        now = next.isAfter(now) ? next : now;
        assertThat(text(fast.view(now))).isEqualTo(text(reference.view(now)));
      }
    }
    now = now.plus(Duration.ofDays(random.nextInt(40)));
    assertThat(text(fast.view(now))).isEqualTo(text(reference.view(now)));
  }

  private static void both(IncidentListener a, IncidentListener b, IncidentEvent event) {
    a.apply(event);
    b.apply(event);
  }

  /** A new incident started up to 3 hours before {@code now} (whole milliseconds), sometimes already resolved. */
  private static IncidentRecord record(Random random, int n, Instant now, boolean replay) {
    Instant start = Instant.ofEpochMilli(now.toEpochMilli() - random.nextInt(3 * 3_600_000));
    String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
    String team = TEAMS[random.nextInt(TEAMS.length)];
    Optional<Instant> ack = replay && random.nextBoolean() ? Optional.of(start.plusMillis(random.nextInt(4 * 3_600_000))) : Optional.empty();
    Optional<Instant> resolved = random.nextInt(4) == 0 ? Optional.of(start.plusMillis(random.nextInt(4 * 3_600_000))) : Optional.empty();
    return new IncidentRecord(new IncidentKey(String.format("%016x", n), start.toEpochMilli()), "A" + n, severity, team,
        Map.of(), "", now, ack, ack.map(at -> "someone"), resolved);
  }

  /** An instant near the incident's deadlines: before, at, or after them, to the millisecond or finer. */
  private static Instant around(Random random, IncidentRecord r, Instant now) {
    Instant start = r.key().startsAt();
    return switch (random.nextInt(4)) {
      case 0 -> start.plus(Duration.ofMinutes(15));
      case 1 -> start.plus(Duration.ofHours(2)).plusNanos(random.nextInt(3) - 1);
      case 2 -> now;
      default -> start.plusMillis(random.nextInt(5 * 3_600_000));
    };
  }

  /** The view as text: its records hold arrays, which records compare by identity. */
  private static String text(FiguresView view) {
    StringBuilder out = new StringBuilder();
    for (FiguresView.Series s : view.series()) {
      out.append(s.labels()).append(' ').append(s.created()).append(' ').append(s.open()).append(' ')
          .append(s.unacknowledged()).append(' ').append(s.oldestUnacknowledgedAge()).append(' ')
          .append(histogram(s.timeToAcknowledge())).append(' ').append(histogram(s.timeToResolve())).append(' ')
          .append(s.acknowledgeBreaches()).append(' ').append(s.resolveBreaches()).append('\n');
    }
    for (FiguresView.Compliance c : view.compliance()) {
      out.append(c).append('\n');
    }
    return out.toString();
  }

  private static String histogram(FiguresView.Histogram h) {
    return Arrays.toString(h.counts()) + "/" + h.sum();
  }
}
