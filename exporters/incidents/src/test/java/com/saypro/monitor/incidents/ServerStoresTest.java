package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.incidents.Payloads.Alert;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same life of incidents on the real PostgreSQL and MariaDB of this machine: recorded once,
 * acknowledged, resolved, refused with 503 while the store is broken and accepted once it is back,
 * and rebuilt identically after a restart.
 */
class ServerStoresTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @ParameterizedTest
  @EnumSource(ServerDatabase.class)
  void incidentsLiveInAServerDatabase(ServerDatabase server) throws Exception {
    MutableClock clock = new MutableClock(T0.plus(Duration.ofMinutes(1)));
    try (ServerDatabase.Scratch database = server.scratch()) {
      String config = IncidentsKit.config(database.storage());
      java.nio.file.Path folder = IncidentsKit.folder();
      List<Alert> alerts = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        alerts.add(Alert.firing(String.format("%016x", 0xbeef00L + i), T0.plusSeconds(i),
            Map.of("alertname", "Svc" + i, "severity", i % 2 == 0 ? "critical" : "warning", "team", "platform",
                "note", "ünïcødé ✓ " + i)));
      }
      String before;
      try (IncidentsKit exporter = IncidentsKit.start(folder, config, clock)) {
        assertThat(exporter.webhook(Payloads.notification(alerts.subList(0, 15).toArray(Alert[]::new))).statusCode()).isEqualTo(200);
        assertThat(exporter.webhook(Payloads.notification(alerts.subList(10, 30).toArray(Alert[]::new))).body())
            .contains("\"new_incidents\":15");
        assertThat(exporter.acknowledge(alerts.get(0).fingerprint(), "alice").statusCode()).isEqualTo(200);
        Alert[] resolved = alerts.subList(0, 5).stream().map(a -> a.resolvedAt(T0.plus(Duration.ofMinutes(30)))).toArray(Alert[]::new);
        assertThat(exporter.webhook(Payloads.notification(resolved)).body()).contains("\"resolved_incidents\":5");

        database.renameIncidentsTable("saypro_incidents", "saypro_incidents_away");
        Alert late = Alert.firing("00000000000fa11d", T0, Map.of("alertname", "Late", "severity", "critical"));
        HttpResponse<String> refused = exporter.webhook(Payloads.notification(late));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(exporter.scrape().value("saypro_incidents_store_failures_total")).isPositive();
        database.renameIncidentsTable("saypro_incidents_away", "saypro_incidents");
        assertThat(exporter.webhook(Payloads.notification(late)).statusCode()).isEqualTo(200);

        clock.set(T0.plus(Duration.ofHours(3)));
        Scrape scrape = exporter.scrape();
        assertThat(scrape.value("saypro_incidents_created_total", "severity", "critical", "team", "platform")).isEqualTo(15);
        assertThat(scrape.value("saypro_incidents_created_total", "severity", "critical", "team", "none")).isEqualTo(1);
        assertThat(scrape.value("saypro_incidents_open", "severity", "critical", "team", "platform")).isEqualTo(12);
        before = figures(scrape);
        assertThat(exporter.incidents("?limit=100").size()).isEqualTo(31);
        assertThat(exporter.incidents("?state=open").get(0).toString()).contains("ünïcødé ✓");
      }
      try (IncidentsKit restarted = IncidentsKit.start(folder, config, clock)) {
        assertThat(figures(restarted.scrape())).isEqualTo(before);
      }
    }
  }

  private static String figures(Scrape scrape) {
    StringBuilder out = new StringBuilder();
    for (Scrape.Sample sample : scrape.samples()) {
      if (sample.name().startsWith("saypro_incidents_") && sample.labels().containsKey("severity")) {
        out.append(sample).append('\n');
      }
    }
    return out.toString();
  }
}
