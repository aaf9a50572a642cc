package com.saypro.monitor.incidents;

import com.saypro.monitor.core.testkit.Ports;
import com.saypro.monitor.core.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) on loopback, with its own storage
 * folder and a webhook receiver pointing at the exporter. Alerts, silences and resolutions go
 * through its API v2, as Prometheus and people use it.
 */
public final class Alertmanager implements AutoCloseable {
  public static final String BINARY = "/usr/bin/prometheus-alertmanager";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final int clusterPort;
  private final Path folder;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Alertmanager(Process process, int port, int clusterPort, Path folder) {
    this.process = process;
    this.port = port;
    this.clusterPort = clusterPort;
    this.folder = folder;
  }

  /** How an Alertmanager is started. */
  public record Options(int port, int webhookPort, String token, Duration repeatInterval, boolean clustered,
      Optional<Alertmanager> peer) {
    public static Options single(int port, int webhookPort, String token) {
      return new Options(port, webhookPort, token, Duration.ofHours(1), false, Optional.empty());
    }
  }

  public static Alertmanager start(Options options) {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new AssertionError(BINARY + " is missing: apt-get install prometheus-alertmanager (the test script installs it)");
    }
    try {
      Path folder = Files.createTempDirectory("saypro-alertmanager-");
      Path config = folder.resolve("alertmanager.yml");
      Files.writeString(config, """
          route:
            receiver: incidents
            group_by: ['alertname']
            group_wait: 100ms
            group_interval: 1s
            repeat_interval: %s
          receivers:
            - name: incidents
              webhook_configs:
                - url: http://127.0.0.1:%d/webhook
                  send_resolved: true
                  http_config:
                    authorization: {type: Bearer, credentials: %s}
          """.formatted(options.repeatInterval().toMillis() + "ms", options.webhookPort(), options.token()));
      int clusterPort = options.clustered() ? Ports.free() : 0;
      List<String> command = new ArrayList<>(List.of(BINARY,
          "--config.file=" + config,
          "--storage.path=" + folder.resolve("data"),
          "--web.listen-address=127.0.0.1:" + options.port(),
          "--log.level=debug"));
      if (options.clustered()) {
        command.add("--cluster.listen-address=127.0.0.1:" + clusterPort);
        command.add("--cluster.advertise-address=127.0.0.1:" + clusterPort);
        // no waiting for a peer's turn: both members notify, so the exporter sees real duplicates
        command.add("--cluster.peer-timeout=0s");
        command.add("--cluster.settle-timeout=5s");
        options.peer().ifPresent(p -> command.add("--cluster.peer=127.0.0.1:" + p.clusterPort));
      } else {
        command.add("--cluster.listen-address=");
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(folder.resolve("alertmanager.log").toFile()).start();
      Alertmanager am = new Alertmanager(process, options.port(), clusterPort, folder);
      Await.until("Alertmanager on port " + options.port() + " to be ready (log: " + folder.resolve("alertmanager.log") + ")",
          Duration.ofSeconds(30), () -> am.get("/-/ready").statusCode() == 200);
      return am;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Posts one alert as Prometheus would; {@code endsAt} in the past resolves it. */
  public void postAlert(Map<String, String> labels, Instant startsAt, Instant endsAt) {
    ArrayNode alerts = JSON.createArrayNode();
    ObjectNode alert = alerts.addObject();
    ObjectNode labelNode = alert.putObject("labels");
    labels.forEach(labelNode::put);
    alert.putObject("annotations").put("summary", labels.get("alertname") + " is down");
    alert.put("startsAt", startsAt.toString());
    if (endsAt != null) {
      alert.put("endsAt", endsAt.toString());
    }
    alert.put("generatorURL", "http://prometheus.test/graph");
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alerts.toString())));
    if (response.statusCode() != 200) {
      throw new AssertionError("POST /api/v2/alerts answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** Creates a silence matching {@code name=value}; returns its id. */
  public String silence(String name, String value, Instant startsAt, Instant endsAt, String createdBy) {
    ObjectNode silence = JSON.createObjectNode();
    silence.putArray("matchers").addObject().put("name", name).put("value", value).put("isRegex", false).put("isEqual", true);
    silence.put("startsAt", startsAt.toString());
    silence.put("endsAt", endsAt.toString());
    silence.put("createdBy", createdBy);
    silence.put("comment", "looking into it");
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v2/silences"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(silence.toString())));
    if (response.statusCode() != 200) {
      throw new AssertionError("POST /api/v2/silences answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body()).get("silenceID").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The silence as Alertmanager stored it. */
  public JsonNode silence(String id) {
    try {
      return JSON.readTree(get("/api/v2/silence/" + id).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void expireSilence(String id) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v2/silence/" + id)).DELETE());
    if (response.statusCode() != 200) {
      throw new AssertionError("DELETE silence answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** The sum of a metric of Alertmanager's own /metrics over the samples matching the labels. */
  public double metric(String name, String... labelPairs) {
    return Scrape.parse(get("/metrics").body()).find(name, labelPairs).stream().mapToDouble(Scrape.Sample::value).sum();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String log() {
    try {
      return Files.readString(folder.resolve("alertmanager.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
