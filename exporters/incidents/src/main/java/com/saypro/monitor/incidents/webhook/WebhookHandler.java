package com.saypro.monitor.incidents.webhook;

import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.RouteAuth;
import com.saypro.monitor.incidents.store.IncidentDatabase;
import com.saypro.monitor.incidents.store.IncidentEvent;
import com.saypro.monitor.incidents.store.StoreCommand;
import com.saypro.monitor.incidents.webhook.RequestStats.Endpoint;
import com.saypro.monitor.incidents.webhook.RequestStats.Result;
import com.saypro.monitor.core.http.Responses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook}: Alertmanager's webhook receiver. Answers 200 only once the notification is
 * committed; 5xx when the store fails or is too slow, so Alertmanager retries (the write is
 * idempotent, so a retry of something that did commit changes nothing). 400 for a body that is not
 * a version 4 payload, 401 without the right credentials, 413 past the size cap.
 */
public final class WebhookHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

  private final RouteAuth auth;
  private final int maxBodyBytes;
  private final Classification classification;
  private final HeartbeatState heartbeat;
  private final IncidentDatabase database;
  private final Duration commitTimeout;
  private final RequestStats stats;
  private final Clock clock;

  public WebhookHandler(RouteAuth auth, int maxBodyBytes, Classification classification, HeartbeatState heartbeat,
      IncidentDatabase database, Duration commitTimeout, RequestStats stats, Clock clock) {
    this.auth = auth;
    this.maxBodyBytes = maxBodyBytes;
    this.classification = classification;
    this.heartbeat = heartbeat;
    this.database = database;
    this.commitTimeout = commitTimeout;
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.POST.is(request.getMethod())) {
      stats.count(Endpoint.WEBHOOK, Result.WRONG_METHOD);
      return Responses.methodNotAllowed(response, callback, "POST");
    }
    if (!auth.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      stats.count(Endpoint.WEBHOOK, Result.UNAUTHORIZED);
      return HttpExchange.unauthorized(response, callback, auth.scheme());
    }
    Optional<byte[]> body = HttpExchange.body(request, maxBodyBytes);
    if (body.isEmpty()) {
      stats.count(Endpoint.WEBHOOK, Result.TOO_LARGE);
      return HttpExchange.error(response, callback, 413, "body larger than " + maxBodyBytes + " bytes (webhook.max_body_bytes)");
    }
    Instant receivedAt = clock.instant();
    WebhookPayload payload;
    try {
      payload = WebhookPayload.parse(body.get(), classification, heartbeat.alertname(), receivedAt);
    } catch (PayloadException e) {
      stats.count(Endpoint.WEBHOOK, e.wrongVersion() ? Result.UNSUPPORTED_VERSION : Result.MALFORMED);
      return HttpExchange.error(response, callback, 400, e.getMessage());
    }
    List<IncidentEvent> events;
    try {
      events = database.submit(new StoreCommand.RecordAlerts(payload.alerts(), payload.heartbeat(), receivedAt))
          .get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      stats.count(Endpoint.WEBHOOK, Result.STORAGE_FAILED);
      // the cause is logged by the writer; the sender only needs to know it should retry
      return HttpExchange.error(response, callback, 503, "the notification could not be stored; retry later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stats.count(Endpoint.WEBHOOK, Result.STORAGE_FAILED);
      return HttpExchange.error(response, callback, 503, "shutting down; retry later");
    }
    payload.heartbeat().ifPresent(name -> heartbeat.seen(receivedAt));
    stats.count(Endpoint.WEBHOOK, Result.ACCEPTED);
    stats.alerts(payload.firing(), payload.resolved());
    int opened = 0;
    int resolved = 0;
    for (IncidentEvent event : events) {
      if (event instanceof IncidentEvent.Opened o) {
        opened++;
        if (!o.record().open()) {
          resolved++;
        }
      } else if (event instanceof IncidentEvent.Resolved) {
        resolved++;
      }
    }
    log.debug("webhook: {} alerts stored, {} new incidents", payload.alerts().size(), opened);
    return Responses.json(response, callback, 200, stored(payload.alerts().size(), opened, resolved));
  }

  /**
   * The answer to a stored notification, written by hand: rendering a Jackson {@code ObjectNode}
   * set up a generator per request and cost a third as much as parsing the 100 alerts (JFR,
   * bench/incidents/RESULTS.md). Numbers only, so nothing needs escaping.
   */
  static String stored(int alerts, int opened, int resolved) {
    return "{\"status\":\"stored\",\"alerts\":" + alerts + ",\"new_incidents\":" + opened
        + ",\"resolved_incidents\":" + resolved + "}\n";
  }
}
