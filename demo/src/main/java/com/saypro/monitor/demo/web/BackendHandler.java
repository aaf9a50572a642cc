package com.saypro.monitor.demo.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.demo.db.DatabaseUnavailableException;
import com.saypro.monitor.demo.faults.Decision;
import com.saypro.monitor.demo.faults.Delays;
import com.saypro.monitor.demo.faults.FaultBook;
import com.saypro.monitor.demo.faults.FaultType;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One marketplace instance. Applies the faults of the request's route class first (the delay
 * before any byte is written, so it shows in time to first byte), then serves the page or API
 * call. Database outages become 503 with an app log event; nothing here crashes the instance.
 */
public final class BackendHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(BackendHandler.class);
  public static final String INSTANCE_HEADER = "X-Saypro-Instance";

  private final String instance;
  private final FaultBook faults;
  private final Sessions sessions;
  private final ShopEvents events;
  private final BooleanSupplier databaseUp;
  private final ApiRoutes api;
  private final PageRoutes pages;

  public BackendHandler(String instance, FaultBook faults, Sessions sessions, Shop shop, ShopEvents events,
      BooleanSupplier databaseUp) {
    this.instance = instance;
    this.faults = faults;
    this.sessions = sessions;
    this.events = events;
    this.databaseUp = databaseUp;
    AccountFlows accounts = new AccountFlows(shop, events);
    this.api = new ApiRoutes(shop, accounts, events);
    this.pages = new PageRoutes(shop, accounts, events);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    RouteClass route = RouteClass.of(path);
    response.getHeaders().put(INSTANCE_HEADER, instance);
    if (route == RouteClass.HEALTH) {
      HttpIo.json(response, callback, 200, health(databaseUp.getAsBoolean()));
      return true;
    }
    String clientIp = clientIp(request);
    Session session = session(request, response);
    Call call = new Call(request, response, callback, session, route, clientIp);
    if (route.faultable()) {
      Decision decision = faults.decide(route.label(), null);
      Delays.pause(decision.latencyMs());
      if (decision.is(FaultType.DOWN)) {
        events.failure(route, 503, "service_unavailable", "down (injected)");
        call.fail(503, "service_unavailable", route.label() + " is down (injected fault)");
        return true;
      }
      if (decision.is(FaultType.ERROR)) {
        int status = decision.failure().status();
        events.failure(route, status, "injected_error", "error " + status + " (injected)");
        call.fail(status, "injected_error", "injected error on " + route.label());
        return true;
      }
    }
    try {
      if (route == RouteClass.OTHER) {
        throw new ShopException(404, "not_found", "no page " + call.method + " " + path);
      }
      if (call.api()) {
        api.handle(call);
      } else {
        pages.handle(call);
      }
    } catch (ShopException e) {
      call.fail(e.status(), e.code(), e.getMessage());
    } catch (DatabaseUnavailableException e) {
      events.failure(route, 503, "database_unavailable", "database not reachable");
      call.fail(503, "database_unavailable", "the database is not reachable; try again shortly");
    } catch (SQLException | RuntimeException e) {
      log.error("{} {} failed on {}: {}", call.method, path, instance, e.toString());
      log.debug("stack trace", e);
      events.failure(route, 500, route.isCatalog() ? "query_failed" : "internal", e.getClass().getSimpleName());
      call.fail(500, "internal", "internal error");
    }
    return true;
  }

  static ObjectNode health(boolean databaseUp) {
    ObjectNode body = HttpIo.object();
    body.put("status", "ok");
    body.put("database", databaseUp ? "up" : "down");
    return body;
  }

  /** The address the front saw, which it passes on in {@code X-Forwarded-For}. */
  private static String clientIp(Request request) {
    String forwarded = request.getHeaders().get("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      int comma = forwarded.indexOf(',');
      return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
    }
    return Request.getRemoteAddr(request);
  }

  private Session session(Request request, Response response) {
    for (HttpCookie cookie : Request.getCookies(request)) {
      if (cookie.getName().equals(Sessions.COOKIE)) {
        var found = sessions.find(cookie.getValue());
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    Session session = sessions.create();
    response.getHeaders().add(HttpHeader.SET_COOKIE, Sessions.setCookie(session));
    return session;
  }
}
