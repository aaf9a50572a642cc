package com.saypro.monitor.incidents.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.incidents.ServerDatabase;
import com.saypro.monitor.incidents.config.StorageConfig;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever order firing and resolved alerts arrive in (resolved before firing, both in one
 * notification, resolved twice, repeats, restarts in between), the store and the events it publishes
 * agree with a plain model: an incident is created by the first alert heard of it, open if that one
 * fired and resolved if not, and resolved once, by the first resolved alert after it was opened.
 * The store takes a shortcut for incidents it knows are open (an update, no insert tried first), and
 * on MySQL reads which keys exist before a multi-row insert; this holds both to the plain answers,
 * on every store.
 */
class StoreLifecyclePropertyTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  /** One alert: {@code endSecond} < 0 for a firing one, else resolved at that second. */
  record Sighting(int fingerprint, int startSecond, int endSecond) {
    IncidentKey key() {
      return IncidentKey.of(hex(fingerprint), T0.plusSeconds(startSecond));
    }

    StoreCommand.AlertNotice notice() {
      String fp = hex(fingerprint);
      return new StoreCommand.AlertNotice(fp, endSecond < 0, "A", "critical", "team", Map.of("alertname", "A", "fp", fp), "",
          T0.plusSeconds(startSecond), endSecond < 0 ? Instant.EPOCH : T0.plusSeconds(endSecond));
    }
  }

  private static String hex(int i) {
    return String.format("%016x", i * 0x9E3779B97F4A7C15L);
  }

  /** Each store: SQLite, and this machine's PostgreSQL and MariaDB (each try in a scratch schema or database). */
  enum Store { SQLITE, POSTGRESQL, MYSQL }

  @Property(tries = 60)
  void storeAndEventsFollowTheModel(@ForAll Store store, @ForAll("steps") List<List<Sighting>> steps) throws Exception {
    ServerDatabase.Scratch scratch = switch (store) {
      case SQLITE -> null;
      case POSTGRESQL -> ServerDatabase.POSTGRESQL.scratch();
      case MYSQL -> ServerDatabase.MYSQL.scratch();
    };
    StorageConfig config = scratch == null
        ? StorageConfig.sqlite(Files.createTempDirectory("incidents-lifecycle").resolve("incidents.db"))
        : scratch.storageConfig();
    Map<IncidentKey, Optional<Instant>> model = new HashMap<>(); // key -> resolved at
    IncidentDatabase database = IncidentDatabase.open(config);
    try {
      for (List<Sighting> step : steps) {
        if (step.isEmpty()) { // a restart: the known-open set is read back from the store
          database.close();
          database = IncidentDatabase.open(config);
          continue;
        }
        List<String> expected = new ArrayList<>();
        for (Sighting s : step) {
          Optional<Instant> end = s.endSecond() < 0 ? Optional.empty() : Optional.of(T0.plusSeconds(s.endSecond()));
          Optional<Instant> known = model.get(s.key());
          if (known == null) {
            model.put(s.key(), end);
            expected.add("opened " + s.key() + " " + end);
          } else if (known.isEmpty() && end.isPresent()) {
            model.put(s.key(), end);
            expected.add("resolved " + s.key() + " " + end.get());
          }
        }
        List<StoreCommand.AlertNotice> alerts = step.stream().map(Sighting::notice).toList();
        List<String> events = new ArrayList<>();
        for (IncidentEvent event : database.submit(new StoreCommand.RecordAlerts(alerts, Optional.empty(), T0)).get()) {
          events.add(event instanceof IncidentEvent.Opened opened
              ? "opened " + event.key() + " " + opened.record().resolvedAt()
              : "resolved " + event.key() + " " + ((IncidentEvent.Resolved) event).at());
        }
        assertThat(events).as("events of %s", step).containsExactlyInAnyOrderElementsOf(expected);
      }
      Map<IncidentKey, Optional<Instant>> stored = new HashMap<>();
      for (IncidentRecord row : database.startedBetween(T0, T0.plusSeconds(1000), 10_000)) {
        stored.put(row.key(), row.resolvedAt());
      }
      assertThat(stored).isEqualTo(model);
      assertThat(database.open(10_000)).extracting(IncidentRecord::key)
          .containsExactlyInAnyOrderElementsOf(model.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList());
    } finally {
      database.close();
      if (scratch != null) {
        scratch.close();
      }
    }
  }

  @Provide
  Arbitrary<List<List<Sighting>>> steps() {
    // three fingerprints and three start times, so keys repeat across and within notifications; an empty
    // step is a restart
    Arbitrary<Integer> end = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(-1)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(100, 110)));
    Arbitrary<Sighting> sighting = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2), end)
        .as(Sighting::new);
    return sighting.list().ofMinSize(0).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(14);
  }
}
