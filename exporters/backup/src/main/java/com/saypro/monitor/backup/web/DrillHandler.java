package com.saypro.monitor.backup.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.backup.drill.DrillResult;
import com.saypro.monitor.backup.drill.DrillService;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.http.Responses;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code POST /drill?name=NAME[&wait=true]}: runs a restore drill now.
 *
 * <pre>
 * curl -X POST -H "Authorization: Bearer $(cat drill.token)" 'http://host:9814/drill?name=nightly&amp;wait=true'
 * </pre>
 *
 * <p>202 when started, 200 (success) or 500 (failed drill) with the result when {@code wait=true},
 * 409 when a drill of that name is already running, 404 for an unknown name, 401 without the
 * token, 403 when no token is configured (on-demand drills are then off).
 */
public final class DrillHandler extends Handler.Abstract {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DrillService drills;
  private final Optional<BearerToken> token;

  public DrillHandler(DrillService drills, Optional<Secret> token) {
    this.drills = drills;
    this.token = token.map(BearerToken::new);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.POST.is(request.getMethod())) {
      return Responses.methodNotAllowed(response, callback, "POST");
    }
    if (token.isEmpty()) {
      return json(response, callback, 403, error("on-demand drills are off: configure drill_api.bearer_token_file"));
    }
    if (!token.get().allows(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"saypro-backup\"");
      return json(response, callback, 401, error("a valid bearer token is required"));
    }
    Fields query = Request.extractQueryParameters(request);
    String name = query.getValue("name");
    if (name == null || !drills.drills().containsKey(name)) {
      return json(response, callback, 404, error("no drill with this name (see the landing page)"));
    }
    Optional<CompletableFuture<DrillResult>> started = drills.start(name);
    if (started.isEmpty()) {
      return json(response, callback, 409, error("drill " + name + " is already running"));
    }
    if (!"true".equals(query.getValue("wait"))) {
      ObjectNode body = MAPPER.createObjectNode().put("drill", name).put("status", "started");
      return json(response, callback, 202, body);
    }
    try {
      DrillResult result = started.get().get();
      ObjectNode body = MAPPER.createObjectNode()
          .put("drill", name)
          .put("status", result.success() ? "success" : "failure")
          .put("message", result.message());
      result.failure().ifPresent(f -> body.put("reason", f.label()));
      result.restore().ifPresent(d -> body.put("restore_seconds", d.toNanos() / 1e9));
      result.recoveryPointAge().ifPresent(d -> body.put("recovery_point_age_seconds", d.toMillis() / 1000.0));
      body.put("total_seconds", result.total().toNanos() / 1e9);
      return json(response, callback, result.success() ? 200 : 500, body);
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      return json(response, callback, 500, error("the drill stopped unexpectedly"));
    }
  }

  private static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  private static boolean json(Response response, Callback callback, int status, ObjectNode body) throws Exception {
    return Responses.json(response, callback, status, MAPPER.writeValueAsString(body) + "\n");
  }
}
