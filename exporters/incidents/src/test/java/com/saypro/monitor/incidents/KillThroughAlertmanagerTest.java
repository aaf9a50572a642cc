package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.Ports;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.core.testkit.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The kill -9 as it happens in production: alerts keep arriving at a real Alertmanager,
 * which notifies the exporter; the exporter's process is killed mid-stream and restarted while
 * Alertmanager keeps going. Alertmanager's own retries (its notifications to the dead exporter
 * fail and are sent again) bring every alert in, and none is doubled.
 */
class KillThroughAlertmanagerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void killNineWhileAlertmanagerKeepsNotifyingLosesNothingAndDoublesNothing() throws Exception {
    Path folder = IncidentsKit.folder();
    Path config = Files.writeString(folder.resolve("incidents.yml"),
        IncidentsKit.config("storage: {type: sqlite, path: incidents.db}\n"));
    Path log = folder.resolve("exporter.log");
    int port = Ports.free();
    Instant start = Instant.now().minusSeconds(60);

    IncidentsProcess exporter = IncidentsProcess.start(config, port, log);
    try (Alertmanager am = Alertmanager.start(Alertmanager.Options.single(Ports.free(), port, IncidentsKit.TOKEN))) {
      AtomicInteger posted = new AtomicInteger();
      AtomicBoolean posting = new AtomicBoolean(true);
      Thread poster = new Thread(() -> {
        // one new alert (its own group: group_by alertname) every few milliseconds, as Prometheus sends them
        while (posting.get()) {
          int n = posted.get();
          am.postAlert(Map.of("alertname", "Stream" + n, "severity", n % 2 == 0 ? "critical" : "warning",
              "team", "platform"), start.plusMillis(n), null);
          posted.incrementAndGet();
          // the pace of the alert stream (about 50 a second), not a wait for a condition
          java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
      }, "alert-poster");
      poster.start();
      try {
        Await.until("30 incidents through Alertmanager", Duration.ofSeconds(120), () -> incidentCount(port) >= 30);
        exporter.kill();
        int postedAtKill = posted.get();
        Await.until("alerts to arrive at Alertmanager while the exporter is dead", Duration.ofSeconds(60),
            () -> posted.get() >= postedAtKill + 20 && am.metric("alertmanager_notifications_failed_total", "integration", "webhook") > 0);
        exporter = IncidentsProcess.start(config, port, log);
        int postedAtRestart = posted.get();
        Await.until("alerts to keep arriving after the restart", Duration.ofSeconds(60),
            () -> posted.get() >= postedAtRestart + 20);
      } finally {
        posting.set(false);
        poster.join(30_000);
      }
      int total = posted.get();
      // Alertmanager re-sends each group until the exporter answers 2xx
      Await.until(total + " incidents after Alertmanager's retries (log: " + log + ")", Duration.ofSeconds(120),
          () -> incidentCount(port) >= total);

      Set<String> expected = new HashSet<>();
      for (int n = 0; n < total; n++) {
        expected.add("Stream" + n);
      }
      List<String> names = alertNames(port);
      assertThat(names).hasSize(total);
      assertThat(new HashSet<>(names)).isEqualTo(expected);
      assertThat(am.metric("alertmanager_notifications_failed_total", "integration", "webhook"))
          .as("notifications failed while the exporter was dead, and were retried").isPositive();
    } finally {
      exporter.close();
    }
  }

  private int incidentCount(int port) {
    return alertNames(port).size();
  }

  private List<String> alertNames(int port) {
    try {
      String body = http.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + port + "/api/incidents?limit=10000&since=2026-01-01T00:00:00Z"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      List<String> out = new ArrayList<>();
      for (JsonNode incident : JSON.readTree(body).get("incidents")) {
        out.add(incident.get("labels").get("alertname").asText());
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
