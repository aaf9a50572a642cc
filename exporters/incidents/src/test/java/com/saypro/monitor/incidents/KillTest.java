package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.Ports;
import com.saypro.monitor.core.testkit.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.incidents.Payloads.Alert;
import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the exporter process while notifications keep arriving from two senders:
 * every alert of a notification answered 2xx before the kill is there after the restart, and
 * re-sending everything (as Alertmanager does after a failed or lost answer) doubles nothing.
 */
class KillTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger nextAlert = new AtomicInteger();
  /** Every notification sent, for the final re-delivery. */
  private final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
  /** The fingerprints of alerts whose notification was answered 2xx. */
  private final Set<String> stored = ConcurrentHashMap.newKeySet();

  @Test
  void killNineMidStreamLosesNothingAndDoublesNothing() throws Exception {
    Path folder = IncidentsKit.folder();
    Path config = Files.writeString(folder.resolve("incidents.yml"), IncidentsKit.config("storage: {type: sqlite, path: incidents.db}\n"));
    Path log = folder.resolve("exporter.log");
    int port = Ports.free();

    IncidentsProcess exporter = IncidentsProcess.start(config, port, log);
    AtomicBoolean sending = new AtomicBoolean(true);
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      Thread sender = new Thread(() -> {
        while (sending.get()) {
          sendUntilStored(port, sending);
        }
      }, "sender-" + s);
      sender.start();
      senders.add(sender);
    }
    Set<String> storedBeforeKill;
    try {
      Await.until("100 notifications to be stored", Duration.ofSeconds(120), () -> stored.size() >= 100 * 5);
      exporter.kill();
      storedBeforeKill = new HashSet<>(stored);
      exporter = IncidentsProcess.start(config, port, log);
      // every alert answered 2xx before the kill survived it, before anything is sent again
      Set<String> afterRestart = fingerprints(port);
      assertThat(afterRestart).containsAll(storedBeforeKill);
      int storedAtRestart = stored.size();
      Await.until("the senders to be stored again after the restart", Duration.ofSeconds(60),
          () -> stored.size() >= storedAtRestart + 100);
    } finally {
      sending.set(false);
      for (Thread sender : senders) {
        sender.join(30_000);
      }
    }
    try {
      // Alertmanager re-sends what it is not sure of: re-deliver every notification ever sent
      for (String body : sent) {
        assertThat(post(port, body)).isEqualTo(200);
      }
      Set<String> attempted = new HashSet<>();
      for (int i = 0; i < nextAlert.get(); i++) {
        attempted.add(fingerprint(i));
      }
      JsonNode incidents = incidents(port);
      assertThat(incidents.size()).isEqualTo(attempted.size());
      assertThat(fingerprints(port)).isEqualTo(attempted);
      Scrape scrape = Scrape.parse(http.send(HttpRequest.newBuilder(exporter.uri("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      double created = scrape.find("saypro_incidents_created_total").stream().mapToDouble(Scrape.Sample::value).sum();
      assertThat(created).isEqualTo(attempted.size());
    } finally {
      exporter.close();
    }
  }

  /**
   * One notification of five new alerts, re-sent until answered 2xx (as Alertmanager retries); then
   * their fingerprints count as stored.
   */
  private void sendUntilStored(int port, AtomicBoolean sending) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = nextAlert.getAndIncrement();
      alerts.add(Alert.firing(fingerprint(n), T0.plusSeconds(n),
          Map.of("alertname", "Load" + n, "severity", n % 2 == 0 ? "critical" : "warning", "team", "platform")));
    }
    String body = Payloads.notification(alerts.toArray(Alert[]::new));
    sent.add(body);
    while (sending.get()) {
      if (post(port, body) == 200) {
        alerts.forEach(a -> stored.add(a.fingerprint()));
        return;
      }
      try {
        Thread.sleep(10); // the sender's retry back-off, as Alertmanager's, not a wait for a condition
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private int post(int port, String body) {
    try {
      return http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/webhook"))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + IncidentsKit.TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1; // the exporter is down (killed): not stored, as far as the sender knows
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String fingerprint(int n) {
    return String.format("%016x", 0x5eed0000L + n);
  }

  private JsonNode incidents(int port) throws Exception {
    String body = http.send(HttpRequest.newBuilder(java.net.URI.create(
            "http://127.0.0.1:" + port + "/api/incidents?limit=10000&since=2026-01-01T00:00:00Z")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return JSON.readTree(body).get("incidents");
  }

  private Set<String> fingerprints(int port) throws Exception {
    Set<String> out = new HashSet<>();
    for (JsonNode incident : incidents(port)) {
      out.add(incident.get("fingerprint").asText());
    }
    return out;
  }
}
