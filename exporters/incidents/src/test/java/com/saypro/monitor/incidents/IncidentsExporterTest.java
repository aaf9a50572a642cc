package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.incidents.Payloads.Alert;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exporter as Alertmanager and a chat bot see it, on its embedded SQLite store, with a clock the
 * test moves: notifications in, acknowledgements, resolutions, figures out, and a restart.
 */
class IncidentsExporterTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Map<String, String> PAYMENTS_DOWN =
      Map.of("alertname", "PaymentsDown", "severity", "critical", "team", "payments", "instance", "pay-1");

  private final MutableClock clock = new MutableClock(T0.plus(Duration.ofSeconds(30)));
  private final Path folder = IncidentsKit.folder();

  @Test
  void anIncidentIsRecordedOnceAcknowledgedAndResolvedWithItsTimes() throws Exception {
    Alert firing = Alert.firing("a1b2c3d4e5f60718", T0, PAYMENTS_DOWN);
    try (IncidentsKit exporter = IncidentsKit.start(folder, IncidentsKit.config(""), clock)) {
      HttpResponse<String> first = exporter.webhook(Payloads.notification(firing));
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("{\"status\":\"stored\",\"alerts\":1,\"new_incidents\":1,\"resolved_incidents\":0}\n");
      // repeat_interval: the same notification again is the same incident
      assertThat(exporter.webhook(Payloads.notification(firing)).body()).contains("\"new_incidents\":0");

      clock.set(T0.plus(Duration.ofMinutes(4)));
      Scrape open = exporter.scrape();
      assertThat(open.value("saypro_incidents_created_total", "severity", "critical", "team", "payments")).isEqualTo(1);
      assertThat(open.value("saypro_incidents_open", "severity", "critical", "team", "payments")).isEqualTo(1);
      assertThat(open.value("saypro_incidents_unacknowledged", "severity", "critical", "team", "payments")).isEqualTo(1);
      assertThat(open.value("saypro_incidents_oldest_unacknowledged_age_seconds", "severity", "critical", "team", "payments"))
          .isEqualTo(240);

      clock.set(T0.plus(Duration.ofMinutes(7)));
      HttpResponse<String> ack = exporter.acknowledge("a1b2c3d4e5f60718", "alice");
      assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
      assertThat(ack.body()).contains("\"status\":\"acknowledged\"");
      assertThat(exporter.acknowledge("a1b2c3d4e5f60718", "bob").body()).contains("already acknowledged");

      clock.set(T0.plus(Duration.ofMinutes(50)));
      exporter.webhook(Payloads.notification(firing.resolvedAt(T0.plus(Duration.ofMinutes(45)))));

      Scrape done = exporter.scrape();
      assertThat(done.value("saypro_incidents_open", "severity", "critical", "team", "payments")).isZero();
      assertThat(done.value("saypro_incidents_time_to_acknowledge_seconds_sum", "severity", "critical", "team", "payments"))
          .isEqualTo(420);
      assertThat(done.value("saypro_incidents_time_to_acknowledge_seconds_bucket", "severity", "critical", "team", "payments", "le", "900.0"))
          .isEqualTo(1);
      assertThat(done.value("saypro_incidents_time_to_resolve_seconds_sum", "severity", "critical", "team", "payments"))
          .isEqualTo(2700);
      assertThat(done.value("saypro_incidents_sla_compliance_ratio", "severity", "critical", "team", "payments", "sla", "acknowledge"))
          .isEqualTo(1);
      assertThat(done.value("saypro_incidents_sla_compliance_ratio", "severity", "critical", "team", "payments", "sla", "resolve"))
          .isEqualTo(1);
      assertThat(done.value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "accepted")).isEqualTo(3);

      JsonNode incident = exporter.incidents("").get(0);
      assertThat(incident.get("state").asText()).isEqualTo("resolved");
      assertThat(incident.get("acknowledged_by").asText()).isEqualTo("api: alice");
      assertThat(incident.get("time_to_acknowledge_seconds").asDouble()).isEqualTo(420);
      assertThat(incident.get("time_to_resolve_seconds").asDouble()).isEqualTo(2700);
      assertThat(incident.get("acknowledge_sla").asText()).isEqualTo("met");
      assertThat(exporter.incidents("").size()).isEqualTo(1);
    }
  }

  @Test
  void aCriticalIncidentLeftUnacknowledgedIsABreachAfterFifteenMinutes() throws Exception {
    try (IncidentsKit exporter = IncidentsKit.start(folder, IncidentsKit.config("sla: {grace: 1m}\n"), clock)) {
      exporter.webhook(Payloads.notification(Alert.firing("00000000000000aa", T0, PAYMENTS_DOWN)));
      clock.set(T0.plus(Duration.ofMinutes(15)));
      assertThat(exporter.scrape().value("saypro_incidents_sla_breaches_total",
          "severity", "critical", "team", "payments", "sla", "acknowledge")).isZero();
      clock.set(T0.plus(Duration.ofMinutes(16)));
      Scrape late = exporter.scrape();
      assertThat(late.value("saypro_incidents_sla_breaches_total", "severity", "critical", "team", "payments", "sla", "acknowledge"))
          .isEqualTo(1);
      assertThat(late.value("saypro_incidents_sla_compliance_ratio", "severity", "critical", "team", "payments", "sla", "acknowledge"))
          .isZero();
      clock.set(T0.plus(Duration.ofMinutes(121)));
      assertThat(exporter.scrape().value("saypro_incidents_sla_breaches_total",
          "severity", "critical", "team", "payments", "sla", "resolve")).isEqualTo(1);
    }
  }

  @Test
  void aRestartRebuildsTheSameFiguresFromTheStore() throws Exception {
    String config = IncidentsKit.config("");
    String before;
    try (IncidentsKit exporter = IncidentsKit.start(folder, config, clock)) {
      for (int i = 0; i < 20; i++) {
        Alert alert = Alert.firing(String.format("%016x", i), T0.plusSeconds(i), Map.of(
            "alertname", "Disk" + i, "severity", i % 3 == 0 ? "critical" : "warning", "team", i % 2 == 0 ? "platform" : "x"));
        exporter.webhook(Payloads.notification(alert));
        if (i % 4 == 0) {
          exporter.acknowledge(alert.fingerprint(), "ops");
        }
        if (i % 5 == 0) {
          exporter.webhook(Payloads.notification(alert.resolvedAt(T0.plus(Duration.ofMinutes(i)))));
        }
      }
      exporter.webhook(Payloads.notification(Alert.firing("ffff000000000001", T0, Map.of("alertname", "Watchdog"))));
      clock.set(T0.plus(Duration.ofHours(3)));
      before = incidentMetrics(exporter.scrape());
    }
    try (IncidentsKit restarted = IncidentsKit.start(folder, config, clock)) {
      assertThat(incidentMetrics(restarted.scrape())).isEqualTo(before);
      assertThat(restarted.scrape().value("saypro_incidents_heartbeat_last_received_timestamp_seconds"))
          .isEqualTo(T0.plus(Duration.ofSeconds(30)).getEpochSecond());
    }
  }

  @Test
  void theHeartbeatAlertIsTrackedAndIsNotAnIncident() throws Exception {
    try (IncidentsKit exporter = IncidentsKit.start(folder, IncidentsKit.config(""), clock)) {
      clock.set(T0.plus(Duration.ofMinutes(1)));
      exporter.webhook(Payloads.notification(Alert.firing("1111111111111111", T0, Map.of("alertname", "Watchdog", "severity", "none"))));
      clock.set(T0.plus(Duration.ofMinutes(11)));
      Scrape scrape = exporter.scrape();
      assertThat(scrape.value("saypro_incidents_heartbeat_age_seconds")).isEqualTo(600);
      assertThat(scrape.find("saypro_incidents_created_total")).isEmpty();
    }
  }

  @Test
  void refusedRequestsGetTheirStatusAndAreCounted() throws Exception {
    try (IncidentsKit exporter = IncidentsKit.start(folder, IncidentsKit.config(""), clock)) {
      String good = Payloads.notification(Alert.firing("abcdef0123456789", T0, PAYMENTS_DOWN));
      var kit = exporter.kit();
      assertThat(kit.send(exporter.post("/webhook", good)).statusCode()).isEqualTo(401);
      assertThat(kit.send(exporter.post("/webhook", good), "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
      HttpResponse<String> malformed = exporter.webhook("{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\"}");
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).contains("body is not valid JSON");
      HttpResponse<String> badTime = exporter.webhook(good.replace(T0.toString(), "yesterday"));
      assertThat(badTime.statusCode()).isEqualTo(400);
      assertThat(badTime.body()).contains("alerts[0].startsAt: \\\"yesterday\\\" is not an RFC 3339 time");
      HttpResponse<String> version = exporter.webhook(good.replace("\"version\":\"4\"", "\"version\":\"3\""));
      assertThat(version.statusCode()).isEqualTo(400);
      assertThat(version.body()).contains("version: \\\"3\\\" is not supported");
      assertThat(exporter.webhook("x".repeat(70_000)).statusCode()).isEqualTo(413);
      assertThat(kit.get("/webhook").statusCode()).isEqualTo(405);
      assertThat(exporter.acknowledge("0123456789abcdef", "nobody").statusCode()).isEqualTo(404);
      assertThat(kit.send(exporter.post("/api/acknowledge", "{\"fingerprint\":\"abcdef0123456789\"}")).statusCode()).isEqualTo(401);

      Scrape scrape = exporter.scrape();
      assertThat(scrape.value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "unauthorized")).isEqualTo(2);
      assertThat(scrape.value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "malformed")).isEqualTo(2);
      assertThat(scrape.value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "unsupported_version")).isEqualTo(1);
      assertThat(scrape.value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "too_large")).isEqualTo(1);
      assertThat(scrape.value("saypro_incidents_requests_total", "endpoint", "webhook", "result", "wrong_method")).isEqualTo(1);
      assertThat(scrape.value("saypro_incidents_requests_total", "endpoint", "acknowledge", "result", "not_found")).isEqualTo(1);
      assertThat(scrape.value("saypro_incidents_requests_total", "endpoint", "acknowledge", "result", "unauthorized")).isEqualTo(1);
      assertThat(scrape.find("saypro_incidents_created_total")).isEmpty();
      assertThat(scrape.text()).doesNotContain(IncidentsKit.TOKEN).doesNotContain(IncidentsKit.ACK_PASSWORD);
    }
  }

  @Test
  void thePageEscapesWhatAlertsCarry() throws Exception {
    try (IncidentsKit exporter = IncidentsKit.start(folder, IncidentsKit.config(""), clock)) {
      Map<String, String> hostile = Map.of("alertname", "<script>alert(1)</script>", "severity", "critical\"><b>", "team", "payments");
      exporter.webhook(Payloads.notification(Alert.firing("0000000000000bad", T0, hostile)));
      HttpResponse<String> page = exporter.kit().get("/incidents");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
      assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
          .contains("critical&quot;&gt;&lt;b&gt;").doesNotContain("<b>");
      assertThat(page.body()).contains("0000000000000bad").contains("Open (1)");
      JsonNode open = exporter.incidents("?state=open");
      assertThat(open.get(0).get("alertname").asText()).isEqualTo("<script>alert(1)</script>");
      // the labels go through the store's JSON column and come back whole, quotes and all
      assertThat(open.get(0).get("labels").properties()).extracting(Map.Entry::getKey, e -> e.getValue().asText())
          .containsExactly(tuple("alertname", "<script>alert(1)</script>"), tuple("severity", "critical\"><b>"), tuple("team", "payments"));
      assertThat(exporter.kit().get("/api/incidents?since=last-week").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void theExpositionPassesPromtool() throws Exception {
    try (IncidentsKit exporter = IncidentsKit.start(folder, IncidentsKit.config(""), clock)) {
      Alert alert = Alert.firing("abababababababab", T0, PAYMENTS_DOWN);
      exporter.webhook(Payloads.notification(alert));
      exporter.acknowledge(alert.fingerprint(), "ops");
      exporter.webhook(Payloads.notification(alert.resolvedAt(T0.plus(Duration.ofMinutes(3)))));
      Promtool.Result result = Promtool.checkMetrics(exporter.kit().get("/metrics").body());
      assertThat(result.output()).isEmpty();
      assertThat(result.exitCode()).isZero();
    }
  }

  /** The incident figures of a scrape as text (the collector timings differ between runs). */
  private static String incidentMetrics(Scrape scrape) {
    StringBuilder out = new StringBuilder();
    for (Scrape.Sample sample : scrape.samples()) {
      if (sample.name().startsWith("saypro_incidents_") && !sample.name().contains("requests")
          && !sample.name().contains("store_") && !sample.name().contains("alerts_received") && !sample.name().contains("heartbeat")) {
        out.append(sample).append('\n');
      }
    }
    return out.toString();
  }
}
