package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.Ports;
import com.saypro.monitor.core.testkit.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two Alertmanagers clustered on loopback, both given the same alert (as Prometheus sends to every
 * member) and both notifying the exporter, repeatedly: still one incident.
 */
class AlertmanagerClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void twoClusteredAlertmanagersSendingTheSameAlertMakeOneIncident() throws Exception {
    Path folder = IncidentsKit.folder();
    try (IncidentsKit exporter = IncidentsKit.start(folder, IncidentsKit.config(""), Clock.systemUTC())) {
      int webhook = exporter.kit().port();
      Duration repeat = Duration.ofSeconds(2);
      try (Alertmanager first = Alertmanager.start(new Alertmanager.Options(
              Ports.free(), webhook, IncidentsKit.TOKEN, repeat, true, Optional.empty()));
          Alertmanager second = Alertmanager.start(new Alertmanager.Options(
              Ports.free(), webhook, IncidentsKit.TOKEN, repeat, true, Optional.of(first)))) {
        Await.until("the two Alertmanagers to form a cluster", WAIT,
            () -> first.metric("alertmanager_cluster_members") == 2 && second.metric("alertmanager_cluster_members") == 2);
        Instant started = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> labels = Map.of("alertname", "SearchSlow", "severity", "warning", "team", "platform");
        first.postAlert(labels, started, null);
        second.postAlert(labels, started, null);

        Await.until("both Alertmanagers to have notified the exporter", WAIT,
            () -> first.metric("alertmanager_notifications_total", "integration", "webhook") >= 1
                && second.metric("alertmanager_notifications_total", "integration", "webhook") >= 1);
        Await.until("at least three notifications (repeats included)", WAIT, () -> exporter.scrape()
            .value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "accepted") >= 3);

        assertThat(exporter.incidents("").size()).isEqualTo(1);
        assertThat(exporter.scrape().value("saypro_incidents_created_total", "severity", "warning", "team", "platform"))
            .isEqualTo(1);
        assertThat(Instant.parse(exporter.incidents("").get(0).get("starts_at").asText())).isEqualTo(started);
      }
    }
  }
}
