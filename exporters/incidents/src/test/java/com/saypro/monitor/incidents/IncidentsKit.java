package com.saypro.monitor.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

/**
 * The incident exporter started in-process through the core's test kit, with a bearer token for the
 * webhook and a basic-auth user for the acknowledge endpoint, in its own folder.
 */
public final class IncidentsKit implements AutoCloseable {
  public static final String TOKEN = "webhook-token-s3cret";
  public static final String ACK_USER = "chatops";
  public static final String ACK_PASSWORD = "ack-pa55word";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExporterTestKit kit;

  private IncidentsKit(ExporterTestKit kit) {
    this.kit = kit;
  }

  /** A fresh folder with the secret files the configs below refer to. */
  public static Path folder() {
    try {
      Path dir = Files.createTempDirectory("saypro-incidents-test-");
      Files.writeString(dir.resolve("webhook.token"), TOKEN + "\n");
      Files.writeString(dir.resolve("ack.password"), ACK_PASSWORD + "\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The config with {@code extra} appended (storage, sla, alertmanager...). */
  public static String config(String extra) {
    return """
        webhook:
          auth: {bearer_token_file: webhook.token}
          max_body_bytes: 65536
        acknowledge:
          auth: {basic_auth: {username: chatops, password_file: ack.password}}
        teams: [payments, platform]
        """ + extra;
  }

  public static IncidentsKit start(Path folder, String config, Clock clock) throws ConfigException {
    return new IncidentsKit(ExporterTestKit.builder(new IncidentsExporter()).directory(folder).config(config).clock(clock).start());
  }

  public ExporterTestKit kit() {
    return kit;
  }

  public HttpResponse<String> webhook(String body) {
    return kit.send(post("/webhook", body), "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
  }

  public HttpResponse<String> acknowledge(String fingerprint, String by) {
    String body = "{\"fingerprint\":\"" + fingerprint + "\",\"by\":\"" + by + "\"}";
    String basic = Base64.getEncoder().encodeToString((ACK_USER + ":" + ACK_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return kit.send(post("/api/acknowledge", body), "Authorization", "Basic " + basic);
  }

  public HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(kit.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
  }

  public Scrape scrape() {
    return kit.scrape();
  }

  /** GET /api/incidents with a query string, parsed. */
  public JsonNode incidents(String query) {
    HttpResponse<String> response = kit.get("/api/incidents" + query);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /api/incidents" + query + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body()).get("incidents");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    kit.close();
  }
}
