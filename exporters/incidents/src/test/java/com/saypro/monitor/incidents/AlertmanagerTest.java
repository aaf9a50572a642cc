package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.Ports;
import com.saypro.monitor.core.testkit.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real Alertmanager in front of the exporter: alerts posted through its API, a silence created
 * through its API, the alert resolved through its API. The times the exporter measures are the times
 * of those actions.
 */
class AlertmanagerTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Tolerance: Alertmanager stamps a new silence with its own clock (the same machine clock as
   * ours) while it handles our request, so the acknowledgement time lies between our readings just
   * before and just after the request; the store keeps milliseconds, so 1 ms either side. Start and
   * end times we give to Alertmanager come back unchanged, to the millisecond.
   */
  private static final Duration TOLERANCE = Duration.ofMillis(1);

  @Test
  void measuredTimesAreTheTimesOfTheSilenceAndTheResolution() throws Exception {
    int amPort = Ports.free();
    Path folder = IncidentsKit.folder();
    String config = IncidentsKit.config("alertmanager: {urls: ['http://127.0.0.1:" + amPort + "'], poll_interval: 200ms}\n");
    try (IncidentsKit exporter = IncidentsKit.start(folder, config, Clock.systemUTC());
        Alertmanager am = Alertmanager.start(Alertmanager.Options.single(amPort, exporter.kit().port(), IncidentsKit.TOKEN))) {
      Instant started = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MILLIS);
      Map<String, String> labels = Map.of("alertname", "CheckoutDown", "severity", "critical", "team", "payments");
      am.postAlert(labels, started, null);
      Await.until("the incident to be recorded", WAIT, () -> exporter.incidents("?state=open").size() == 1);
      JsonNode incident = exporter.incidents("?state=open").get(0);
      assertThat(Instant.parse(incident.get("starts_at").asText())).isEqualTo(started);

      Instant beforeSilence = Instant.now();
      String silenceId = am.silence("alertname", "CheckoutDown", beforeSilence, beforeSilence.plus(Duration.ofHours(1)), "alice");
      Instant afterSilence = Instant.now();
      Await.until("the silence to acknowledge the incident", WAIT,
          () -> !exporter.incidents("?state=open").get(0).get("acknowledged_at").isNull());
      JsonNode acknowledged = exporter.incidents("?state=open").get(0);
      Instant ackAt = Instant.parse(acknowledged.get("acknowledged_at").asText());
      assertThat(ackAt).isBetween(beforeSilence.minus(TOLERANCE), afterSilence.plus(TOLERANCE));
      assertThat(ackAt).isEqualTo(Instant.parse(am.silence(silenceId).get("startsAt").asText()).truncatedTo(ChronoUnit.MILLIS));
      assertThat(acknowledged.get("acknowledged_by").asText()).isEqualTo("silence " + silenceId + " by alice");
      assertThat(acknowledged.get("time_to_acknowledge_seconds").asDouble())
          .isEqualTo(Duration.between(started, ackAt).toMillis() / 1000.0);

      am.expireSilence(silenceId); // the fix is in; unmute so the resolution is delivered
      Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      am.postAlert(labels, started, resolvedAt);
      Await.until("the resolution", WAIT, () -> exporter.incidents("?state=open").size() == 0);
      JsonNode resolved = exporter.incidents("").get(0);
      assertThat(Instant.parse(resolved.get("resolved_at").asText())).isEqualTo(resolvedAt);
      assertThat(resolved.get("time_to_resolve_seconds").asDouble()).isEqualTo(Duration.between(started, resolvedAt).toMillis() / 1000.0);
      assertThat(resolved.get("acknowledge_sla").asText()).isEqualTo("met");

      var scrape = exporter.scrape();
      assertThat(scrape.value("saypro_incidents_time_to_acknowledge_seconds_sum", "severity", "critical", "team", "payments"))
          .isEqualTo(Duration.between(started, ackAt).toMillis() / 1000.0);
      assertThat(scrape.value("saypro_incidents_time_to_resolve_seconds_sum", "severity", "critical", "team", "payments"))
          .isEqualTo(Duration.between(started, resolvedAt).toMillis() / 1000.0);
      assertThat(scrape.value("saypro_incidents_silence_poll_success")).isEqualTo(1);
      assertThat(scrape.value("saypro_incidents_silence_acknowledgements_total")).isEqualTo(1);
      assertThat(exporter.incidents("").size()).isEqualTo(1);
    }
  }

  @Test
  void whileTheStoreFailsTheWebhookAnswers503AndAlertmanagerRetries() throws Exception {
    int amPort = Ports.free();
    Path folder = IncidentsKit.folder();
    Path database = folder.resolve("incidents.db");
    String config = IncidentsKit.config("storage: {type: sqlite, path: incidents.db, commit_timeout: 1s}\n");
    try (IncidentsKit exporter = IncidentsKit.start(folder, config, Clock.systemUTC());
        Alertmanager am = Alertmanager.start(Alertmanager.Options.single(amPort, exporter.kit().port(), IncidentsKit.TOKEN));
        Connection locker = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      // another process holding SQLite's write lock: every write of the exporter times out busy
      try (Statement statement = locker.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 5000");
        statement.execute("BEGIN EXCLUSIVE");
      }
      am.postAlert(Map.of("alertname", "QueueStuck", "severity", "high", "team", "platform"), Instant.now().minusSeconds(30), null);
      Await.until("a 503 to the webhook", WAIT, () -> exporter.scrape()
          .value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "storage_failed") >= 1);
      Await.until("Alertmanager to count the failed notification", WAIT,
          () -> am.metric("alertmanager_notification_requests_failed_total", "integration", "webhook") >= 1);
      assertThat(exporter.scrape().value("saypro_incidents_store_failures_total")).isPositive();
      assertThat(exporter.incidents("").size()).isZero();

      try (Statement statement = locker.createStatement()) {
        statement.execute("ROLLBACK");
      }
      Await.until("Alertmanager's retry to be stored", WAIT, () -> exporter.incidents("").size() == 1);
      assertThat(exporter.scrape().value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "accepted")).isPositive();
    }
  }
}
