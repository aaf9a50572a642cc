package com.saypro.monitor.incidents.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.core.http.Responses;
import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.store.IncidentDatabase;
import com.saypro.monitor.incidents.store.IncidentRecord;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/incidents}: incidents as JSON for the monthly review. Read-only.
 *
 * <ul>
 *   <li>{@code state=open}: every open incident; otherwise those that started in [{@code since}, {@code until})
 *   <li>{@code since}, {@code until}: RFC 3339; default the last 30 days
 *   <li>{@code limit}: at most this many, newest first (default 1000, at most 10000)
 * </ul>
 */
public final class IncidentsApiHandler extends Handler.Abstract {
  private final IncidentDatabase database;
  private final IncidentJson json;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Clock clock;

  public IncidentsApiHandler(IncidentDatabase database, Classification classification, SlaPolicy policy, Clock clock) {
    this.database = database;
    this.json = new IncidentJson(mapper, classification, policy);
    this.clock = clock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return Responses.methodNotAllowed(response, callback, "GET, HEAD");
    }
    Fields query = Request.extractQueryParameters(request);
    Instant now = clock.instant();
    List<IncidentRecord> incidents;
    try {
      int limit = limit(query.getValue("limit"));
      if ("open".equals(query.getValue("state"))) {
        incidents = database.open(limit);
      } else if (query.getValue("state") != null && !"all".equals(query.getValue("state"))) {
        throw new IllegalArgumentException("state: must be open or all");
      } else {
        Instant since = time(query.getValue("since"), "since", now.minus(Duration.ofDays(30)));
        Instant until = time(query.getValue("until"), "until", now.plus(Duration.ofDays(1)));
        incidents = database.startedBetween(since, until, limit);
      }
    } catch (IllegalArgumentException e) {
      return Responses.json(response, callback, 400,
          mapper.createObjectNode().put("status", "error").put("error", e.getMessage()) + "\n");
    } catch (SQLException e) {
      return Responses.json(response, callback, 503,
          mapper.createObjectNode().put("status", "error").put("error", "the incident store is unavailable") + "\n");
    }
    ObjectNode body = mapper.createObjectNode();
    body.put("generated_at", now.toString());
    ArrayNode list = body.putArray("incidents");
    for (IncidentRecord incident : incidents) {
      list.add(json.of(incident, now));
    }
    return Responses.json(response, callback, 200, body + "\n");
  }

  private static int limit(String text) {
    if (text == null) {
      return 1000;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= 10_000) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("limit: must be a whole number from 1 to 10000");
  }

  private static Instant time(String text, String name, Instant defaultValue) {
    if (text == null) {
      return defaultValue;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + ": must be an RFC 3339 time such as 2026-11-01T00:00:00Z");
    }
  }
}
