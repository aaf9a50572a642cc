package com.saypro.monitor.incidents.silences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.incidents.config.AlertmanagerApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads silences from Alertmanager's API v2 ({@code GET /api/v2/silences}), trying each configured
 * URL in turn: the members of a cluster share their silences, so one answer is enough.
 */
public final class AlertmanagerClient {
  private final AlertmanagerApi api;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public AlertmanagerClient(AlertmanagerApi api) {
    this.api = api;
    this.http = HttpClient.newBuilder().connectTimeout(api.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Every silence the first answering Alertmanager knows (active, pending and expired). */
  public List<Silence> silences() throws IOException, InterruptedException {
    List<String> failures = new ArrayList<>();
    for (URI base : api.urls()) {
      try {
        return fetch(base.resolve("api/v2/silences"));
      } catch (IOException e) {
        failures.add(base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    throw new IOException("no Alertmanager answered: " + String.join("; ", failures));
  }

  private List<Silence> fetch(URI uri) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(api.timeout()).header("Accept", "application/json").GET();
    api.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token.reveal()));
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    JsonNode root = json.readTree(response.body());
    if (root == null || !root.isArray()) {
      throw new IOException("the answer is not a list of silences");
    }
    List<Silence> silences = new ArrayList<>(root.size());
    for (JsonNode node : root) {
      List<Silence.Matcher> matchers = new ArrayList<>();
      for (JsonNode m : node.path("matchers")) {
        matchers.add(Silence.Matcher.of(m.path("name").asText(), m.path("value").asText(),
            m.path("isRegex").asBoolean(false), m.path("isEqual").asBoolean(true)));
      }
      silences.add(new Silence(node.path("id").asText(), matchers,
          time(node.path("startsAt").asText()), time(node.path("endsAt").asText()), node.path("createdBy").asText("")));
    }
    return silences;
  }

  private static Instant time(String text) throws IOException {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IOException("a silence has an unreadable time \"" + text + "\"");
    }
  }
}
