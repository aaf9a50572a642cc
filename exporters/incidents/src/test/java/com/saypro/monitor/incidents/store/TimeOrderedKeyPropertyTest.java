package com.saypro.monitor.incidents.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.incidents.config.StorageConfig;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * With the key (starts_at, fingerprint) and no index on fingerprint, the store still holds one
 * incident per (fingerprint, startsAt) however often and in whatever order and grouping it hears
 * of it, and the lookup by fingerprint (a scan of the key) returns what a plain filter and sort of
 * those incidents returns.
 */
class TimeOrderedKeyPropertyTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  record Sighting(String fingerprint, long startsAtSecond) {}

  @Property(tries = 25)
  void oneIncidentPerOccurrenceAndLookupsMatchAFilter(@ForAll("notifications") List<List<Sighting>> notifications) throws Exception {
    StorageConfig config = StorageConfig.sqlite(Files.createTempDirectory("incidents-key").resolve("incidents.db"));
    Set<Sighting> distinct = new LinkedHashSet<>();
    int opened = 0;
    try (IncidentDatabase database = IncidentDatabase.open(config)) {
      for (List<Sighting> notification : notifications) {
        List<StoreCommand.AlertNotice> alerts = new ArrayList<>();
        for (Sighting s : notification) {
          alerts.add(new StoreCommand.AlertNotice(s.fingerprint(), true, "A", "critical", "team",
              Map.of("alertname", "A", "fp", s.fingerprint()), "", T0.plusSeconds(s.startsAtSecond()), Instant.EPOCH));
          distinct.add(s);
        }
        opened += (int) database.submit(new StoreCommand.RecordAlerts(alerts, Optional.empty(), T0)).get().stream()
            .filter(e -> e instanceof IncidentEvent.Opened).count();
      }
      assertThat(opened).isEqualTo(distinct.size());
      Set<String> fingerprints = new TreeSet<>();
      distinct.forEach(s -> fingerprints.add(s.fingerprint()));
      fingerprints.add("00000000000000ff"); // never seen
      for (String fingerprint : fingerprints) {
        List<Long> expected = distinct.stream().filter(s -> s.fingerprint().equals(fingerprint))
            .map(s -> T0.plusSeconds(s.startsAtSecond()).toEpochMilli())
            .sorted(Comparator.reverseOrder()).limit(100).toList();
        assertThat(database.byFingerprint(fingerprint)).extracting(r -> r.key().startsAtMillis()).containsExactlyElementsOf(expected);
        assertThat(database.byFingerprint(fingerprint)).allSatisfy(r -> assertThat(r.key().fingerprint()).isEqualTo(fingerprint));
      }
      assertThat(database.startedBetween(T0, T0.plusSeconds(1000), 10_000)).extracting(IncidentRecord::key)
          .containsExactlyInAnyOrderElementsOf(distinct.stream()
              .map(s -> IncidentKey.of(s.fingerprint(), T0.plusSeconds(s.startsAtSecond()))).toList());
    }
  }

  @Provide
  Arbitrary<List<List<Sighting>>> notifications() {
    // few fingerprints and few start times, so keys repeat across and within notifications
    Arbitrary<String> fingerprint = Arbitraries.longs().between(0, 5).map(i -> String.format("%016x", i * 0x9E3779B97F4A7C15L));
    Arbitrary<Sighting> sighting = Combinators.combine(fingerprint, Arbitraries.longs().between(0, 30)).as(Sighting::new);
    return sighting.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(12);
  }
}
