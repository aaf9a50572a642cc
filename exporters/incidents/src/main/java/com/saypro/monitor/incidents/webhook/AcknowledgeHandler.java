package com.saypro.monitor.incidents.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.saypro.monitor.core.http.Responses;
import com.saypro.monitor.incidents.config.RouteAuth;
import com.saypro.monitor.incidents.store.IncidentDatabase;
import com.saypro.monitor.incidents.store.IncidentEvent;
import com.saypro.monitor.incidents.store.IncidentEvent.AckSource;
import com.saypro.monitor.incidents.store.IncidentRecord;
import com.saypro.monitor.incidents.store.StoreCommand;
import com.saypro.monitor.incidents.webhook.RequestStats.Endpoint;
import com.saypro.monitor.incidents.webhook.RequestStats.Result;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/acknowledge}: acknowledges an open incident for a chat bot or a person with curl.
 *
 * <pre>
 * curl -u chatops:PASSWORD -d '{"fingerprint":"4f1a9c0e22b7d310","by":"alice"}' http://host:9817/api/acknowledge
 * </pre>
 *
 * <p>{@code starts_at} (RFC 3339) picks one incident when the fingerprint has several; without it the
 * open one is meant. The time of acknowledgement is when the request arrives. 404 when no incident
 * matches, 409 when it is already resolved, 200 when it is (or already was) acknowledged.
 */
public final class AcknowledgeHandler extends Handler.Abstract {
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{1,64}");
  private static final int MAX_BODY = 16 * 1024;

  private final Optional<RouteAuth> auth;
  private final IncidentDatabase database;
  private final Duration commitTimeout;
  private final RequestStats stats;
  private final Clock clock;

  public AcknowledgeHandler(Optional<RouteAuth> auth, IncidentDatabase database, Duration commitTimeout,
      RequestStats stats, Clock clock) {
    this.auth = auth;
    this.database = database;
    this.commitTimeout = commitTimeout;
    this.stats = stats;
    this.clock = clock;
  }

  private record Ask(String fingerprint, Optional<Instant> startsAt, String by) {}

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.POST.is(request.getMethod())) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.WRONG_METHOD);
      return Responses.methodNotAllowed(response, callback, "POST");
    }
    if (auth.isEmpty()) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.DISABLED);
      return HttpExchange.error(response, callback, 404, "acknowledgement through the API is switched off (configure acknowledge.auth)");
    }
    if (!auth.get().allows(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.UNAUTHORIZED);
      return HttpExchange.unauthorized(response, callback, auth.get().scheme());
    }
    Optional<byte[]> body = HttpExchange.body(request, MAX_BODY);
    if (body.isEmpty()) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.TOO_LARGE);
      return HttpExchange.error(response, callback, 413, "body larger than " + MAX_BODY + " bytes");
    }
    Ask ask;
    try {
      ask = parse(body.get());
    } catch (IllegalArgumentException e) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.MALFORMED);
      return HttpExchange.error(response, callback, 400, e.getMessage());
    }
    Instant now = clock.instant();
    try {
      return acknowledge(ask, now, response, callback);
    } catch (SQLException | TimeoutException | ExecutionException e) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.STORAGE_FAILED);
      return HttpExchange.error(response, callback, 503, "the incident store is unavailable; retry later");
    }
  }

  private boolean acknowledge(Ask ask, Instant now, Response response, Callback callback)
      throws SQLException, TimeoutException, ExecutionException, InterruptedException {
    List<IncidentRecord> matching = database.byFingerprint(ask.fingerprint()).stream()
        .filter(r -> ask.startsAt().map(s -> r.key().startsAt().equals(s)).orElse(true))
        .toList();
    Optional<IncidentRecord> target = matching.stream().filter(IncidentRecord::open).findFirst()
        .or(() -> matching.stream().findFirst());
    if (target.isEmpty()) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.NOT_FOUND);
      return HttpExchange.error(response, callback, 404, "no incident with fingerprint " + ask.fingerprint()
          + ask.startsAt().map(s -> " starting at " + s).orElse(""));
    }
    IncidentRecord incident = target.get();
    if (incident.acknowledgedAt().isPresent()) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.ACCEPTED);
      return HttpExchange.json(response, callback, 200, describe(incident, "already acknowledged",
          incident.acknowledgedAt().get(), incident.acknowledgedBy().orElse("")));
    }
    if (!incident.open()) {
      stats.count(Endpoint.ACKNOWLEDGE, Result.CONFLICT);
      return HttpExchange.error(response, callback, 409, "incident " + incident.key() + " was resolved at "
          + incident.resolvedAt().get() + "; there is nothing left to acknowledge");
    }
    String by = WebhookPayload.trim("api: " + ask.by(), WebhookPayload.MAX_SHORT);
    List<IncidentEvent> events = database.submit(new StoreCommand.Acknowledge(List.of(new StoreCommand.AckRequest(
            incident.key(), incident.severity(), incident.team(), now, by, AckSource.API))))
        .get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
    stats.count(Endpoint.ACKNOWLEDGE, Result.ACCEPTED);
    if (events.isEmpty()) { // acknowledged by a silence between our read and our write
      return HttpExchange.json(response, callback, 200, describe(incident, "already acknowledged", now, ""));
    }
    return HttpExchange.json(response, callback, 200, describe(incident, "acknowledged", now, by));
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode describe(
      IncidentRecord incident, String status, Instant at, String by) {
    return HttpExchange.object()
        .put("status", status)
        .put("fingerprint", incident.key().fingerprint())
        .put("starts_at", incident.key().startsAt().toString())
        .put("alertname", incident.alertname())
        .put("acknowledged_at", at.toString())
        .put("acknowledged_by", by);
  }

  private static Ask parse(byte[] body) {
    JsonNode root;
    try {
      root = HttpExchange.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("body must be a JSON object like {\"fingerprint\":\"4f1a9c0e22b7d310\",\"by\":\"alice\"}");
    }
    JsonNode fingerprint = root.get("fingerprint");
    if (fingerprint == null || !fingerprint.isTextual() || !FINGERPRINT.matcher(fingerprint.asText()).matches()) {
      throw new IllegalArgumentException("fingerprint: missing or not a hexadecimal fingerprint (see the incidents page)");
    }
    Optional<Instant> startsAt = Optional.empty();
    JsonNode starts = root.get("starts_at");
    if (starts != null && !starts.isNull()) {
      try {
        startsAt = Optional.of(OffsetDateTime.parse(starts.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("starts_at: not an RFC 3339 time");
      }
    }
    JsonNode by = root.get("by");
    String who = by == null || by.isNull() ? "anonymous" : by.asText().strip();
    if (who.isEmpty() || who.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("by: must be a name without control characters");
    }
    return new Ask(fingerprint.asText(), startsAt, who);
  }
}
