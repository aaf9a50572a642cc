package com.saypro.monitor.demo.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.demo.faults.Decision;
import com.saypro.monitor.demo.faults.Delays;
import com.saypro.monitor.demo.faults.Fault;
import com.saypro.monitor.demo.faults.FaultBook;
import com.saypro.monitor.demo.faults.FaultRequestParser;
import com.saypro.monitor.demo.faults.FaultType;
import com.saypro.monitor.demo.logs.AppLog;
import com.saypro.monitor.demo.web.HttpIo;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The fake payment gateway: {@code POST /v1/{gateway}/charges} and {@code GET /health}. It
 * approves every charge unless a fault on target {@code gateway} says otherwise. A "timeout"
 * charge is answered only after {@code hangFor} (longer than any backend waits), from a scheduler,
 * so held charges do not tie up request threads.
 */
public final class FakeGateway extends Handler.Abstract {
  private final FaultBook faults;
  private final AppLog.Source log;
  private final ScheduledExecutorService scheduler;
  private final Duration hangFor;
  private final AtomicLong charges = new AtomicLong();

  public FakeGateway(FaultBook faults, AppLog.Source log, ScheduledExecutorService scheduler, Duration hangFor) {
    this.faults = faults;
    this.log = log;
    this.scheduler = scheduler;
    this.hangFor = hangFor;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    String path = Request.getPathInContext(request);
    if (path.equals("/health") && request.getMethod().equals("GET")) {
      health(response, callback);
      return true;
    }
    if (path.startsWith("/v1/") && path.endsWith("/charges") && request.getMethod().equals("POST")) {
      String gateway = path.substring(4, path.length() - "/charges".length());
      if (!FaultRequestParser.GATEWAYS.contains(gateway)) {
        HttpIo.jsonError(response, callback, 404, "not_found", "unknown gateway; use one of " + FaultRequestParser.GATEWAYS);
        return true;
      }
      charge(gateway, request, response, callback);
      return true;
    }
    HttpIo.jsonError(response, callback, 404, "not_found", "the gateway serves GET /health and POST /v1/{gateway}/charges");
    return true;
  }

  private void health(Response response, Callback callback) {
    Decision decision = faults.decide(Fault.GATEWAY, null);
    Delays.pause(decision.latencyMs());
    ObjectNode body = HttpIo.object();
    if (decision.is(FaultType.DOWN)) {
      body.put("status", "down");
      HttpIo.json(response, callback, 503, body);
    } else {
      body.put("status", "ok");
      HttpIo.json(response, callback, 200, body);
    }
  }

  private void charge(String gateway, Request request, Response response, Callback callback) throws IOException {
    JsonNode body;
    try {
      body = HttpIo.JSON.readTree(HttpIo.body(request));
    } catch (IOException e) {
      HttpIo.jsonError(response, callback, 400, "bad_request", "the body must be JSON {\"order_number\",\"amount_cents\"}");
      return;
    }
    long amount = body == null ? 0 : body.path("amount_cents").asLong(0);
    Decision decision = faults.decide(Fault.GATEWAY, gateway);
    Delays.pause(decision.latencyMs());
    ObjectNode answer = HttpIo.object();
    if (!decision.fails()) {
      answer.put("status", "succeeded");
      answer.put("charge_id", "ch_" + charges.incrementAndGet());
      logged(gateway, "succeeded", null, amount);
      HttpIo.json(response, callback, 200, answer);
      return;
    }
    Fault fault = decision.failure();
    switch (fault.type()) {
      case DECLINE -> {
        answer.put("status", "declined");
        answer.put("error_code", fault.errorCode());
        logged(gateway, "declined", fault.errorCode(), amount);
        HttpIo.json(response, callback, 402, answer);
      }
      case TIMEOUT -> {
        logged(gateway, "timeout", "timeout", amount);
        answer.put("status", "error");
        scheduler.schedule(() -> HttpIo.json(response, callback, 504, answer), hangFor.toMillis(), TimeUnit.MILLISECONDS);
      }
      case DOWN -> {
        logged(gateway, "error", "gateway_error", amount);
        HttpIo.jsonError(response, callback, 503, "service_unavailable", "the gateway is down (injected)");
      }
      default -> {
        logged(gateway, "error", "gateway_error", amount);
        HttpIo.jsonError(response, callback, fault.status(), "injected_error", "gateway error (injected)");
      }
    }
  }

  private void logged(String gateway, String outcome, String errorCode, long amount) {
    (errorCode == null ? log.info("gateway_charge") : log.warn("gateway_charge"))
        .with("gateway", gateway).with("outcome", outcome).with("error_code", errorCode).with("amount_cents", amount)
        .log("charge " + outcome + (errorCode == null ? "" : ": " + errorCode));
  }
}
