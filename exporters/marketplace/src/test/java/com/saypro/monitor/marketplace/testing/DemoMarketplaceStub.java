package com.saypro.monitor.marketplace.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * A stand-in for the demo marketplace (module {@code demo}, another branch), written from its
 * contract {@code demo/API.md}: the pages and JSON API a journey uses, the {@code SAYPRO_SESSION}
 * cookie carrying the cart, {@code /healthz} and the gateway's {@code /health}, and the fault API
 * ({@code POST /faults}, {@code DELETE /faults}, bearer token) for the two faults the tests
 * inject: {@code latency} on a route class and {@code decline} on the gateway at a rate. Front,
 * gateway health and fault control share one port here; the real demo has separate listeners.
 * When the demo is merged, the tests using this stub should also run against the real demo.
 */
public final class DemoMarketplaceStub implements AutoCloseable {
  public static final String TOKEN = "stub-fault-token";

  private final Server server;
  private final ServerConnector connector;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, List<Integer>> carts = new ConcurrentHashMap<>();
  private final Map<String, String> orders = new ConcurrentHashMap<>();
  private final List<JsonNode> faults = new CopyOnWriteArrayList<>();
  private final AtomicInteger orderCounter = new AtomicInteger();
  private final AtomicInteger declined = new AtomicInteger();
  private final Random random = new Random(42); // declines "at a rate", reproducibly

  public DemoMarketplaceStub() throws Exception {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Front());
    server.start();
  }

  /** {@code 127.0.0.1:PORT}: every default address of the demo maps here. */
  public String address() {
    return "127.0.0.1:" + connector.getLocalPort();
  }

  /** Payments the gateway declined (what the demo's app log records as {@code payment_failed}). */
  public int declinedPayments() {
    return declined.get();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Front extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      if (path.equals("/faults")) {
        return faults(request, response, callback);
      }
      String session = session(request, response);
      String routeClass = routeClass(method, path);
      long latency = 0;
      for (JsonNode fault : faults) {
        if (fault.path("target").asText().equals(routeClass) && fault.path("type").asText().equals("latency")) {
          latency += fault.path("latency_ms").asLong();
        }
      }
      if (latency > 0) {
        Thread.sleep(latency); // before the first byte, as the demo's latency fault is specified
      }
      Fields query = Request.extractQueryParameters(request);
      switch (method + " " + path) {
        case "GET /" -> html(response, callback, 200, "<a class=\"category\" href=\"/products?category=lamps\">Lamps</a>");
        case "GET /healthz" -> json(response, callback, 200, "{\"status\":\"ok\",\"database\":\"up\"}");
        case "GET /health" -> json(response, callback, 200, "{\"status\":\"ok\"}");
        case "GET /products" -> html(response, callback, 200,
            "<a class=\"product\" href=\"/products/12\" data-product-id=\"12\">Desk lamp 12</a>");
        case "GET /api/search" -> json(response, callback, 200, "{\"query\":\"" + query.getValue("q")
            + "\",\"total\":1,\"results\":[{\"id\":12,\"sku\":\"LAMP-0012\",\"name\":\"Desk lamp 12\",\"category\":\"lamps\","
            + "\"price_cents\":1299,\"url\":\"/products/12\"}]}");
        case "POST /api/cart/items" -> {
          JsonNode body = json.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
          carts.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>()).add(body.path("product_id").asInt());
          StringBuilder items = new StringBuilder();
          for (int id : carts.get(session)) {
            items.append(items.length() == 0 ? "" : ",").append("{\"product_id\":").append(id)
                .append(",\"name\":\"Desk lamp\",\"quantity\":1,\"unit_price_cents\":1299}");
          }
          json(response, callback, 200, "{\"items\":[" + items + "],\"total_cents\":1299}");
        }
        case "POST /api/checkout" -> {
          List<Integer> cart = carts.remove(session);
          if (cart == null || cart.isEmpty()) {
            json(response, callback, 409, "{\"error\":\"empty_cart\",\"message\":\"the cart is empty\"}");
          } else {
            String number = String.format("SP-%010d", orderCounter.incrementAndGet());
            orders.put(number, "placed");
            json(response, callback, 201, "{\"order_number\":\"" + number + "\",\"status\":\"placed\",\"total_cents\":1299}");
          }
        }
        case "POST /api/payments" -> pay(request, response, callback);
        default -> {
          if (method.equals("GET") && path.matches("/api/products/\\d+")) {
            json(response, callback, 200, "{\"id\":12,\"sku\":\"LAMP-0012\",\"name\":\"Desk lamp 12\",\"category\":\"lamps\","
                + "\"price_cents\":1299,\"stock\":42}");
          } else if (method.equals("GET") && path.matches("/products/\\d+")) {
            html(response, callback, 200, "<span id=\"price-cents\">1299</span><span id=\"stock\">42</span>");
          } else {
            json(response, callback, 404, "{\"error\":\"not_found\",\"message\":\"no such page\"}");
          }
        }
      }
      return true;
    }

    private void pay(Request request, Response response, Callback callback) throws Exception {
      JsonNode body = json.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
      String number = body.path("order_number").asText();
      if (!orders.containsKey(number)) {
        json(response, callback, 404, "{\"error\":\"not_found\",\"message\":\"unknown order\"}");
        return;
      }
      double declineRate = 0;
      for (JsonNode fault : faults) {
        if (fault.path("target").asText().equals("gateway") && fault.path("type").asText().equals("decline")) {
          declineRate = fault.path("rate").asDouble(1.0);
        }
      }
      boolean decline;
      synchronized (random) {
        decline = random.nextDouble() < declineRate;
      }
      if (decline) {
        declined.incrementAndGet();
        json(response, callback, 402, "{\"error\":\"payment_failed\",\"message\":\"declined\",\"order_number\":\"" + number
            + "\",\"status\":\"failed\",\"gateway\":\"sandbox\",\"error_code\":\"declined\"}");
      } else {
        orders.put(number, "paid");
        json(response, callback, 200, "{\"order_number\":\"" + number
            + "\",\"status\":\"succeeded\",\"gateway\":\"sandbox\",\"payment_id\":1}");
      }
    }

    private boolean faults(Request request, Response response, Callback callback) throws Exception {
      if (!("Bearer " + TOKEN).equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        json(response, callback, 401, "{\"error\":\"unauthorized\",\"message\":\"bearer token required\"}");
      } else if (request.getMethod().equals("POST")) {
        JsonNode fault = json.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        faults.add(fault);
        json(response, callback, 201, fault.toString());
      } else if (request.getMethod().equals("DELETE")) {
        faults.clear();
        response.setStatus(204);
        callback.succeeded();
      } else {
        json(response, callback, 405, "{\"error\":\"bad_request\",\"message\":\"method\"}");
      }
      return true;
    }

    private String session(Request request, Response response) {
      String cookie = request.getHeaders().get(HttpHeader.COOKIE);
      if (cookie != null) {
        for (String part : cookie.split(";")) {
          String[] pair = part.trim().split("=", 2);
          if (pair.length == 2 && pair[0].equals("SAYPRO_SESSION")) {
            return pair[1];
          }
        }
      }
      String id = UUID.randomUUID().toString();
      response.getHeaders().add(HttpHeader.SET_COOKIE, "SAYPRO_SESSION=" + id + "; Path=/; HttpOnly; SameSite=Lax");
      return id;
    }

    private String routeClass(String method, String path) {
      if (path.equals("/")) {
        return "home";
      }
      if (path.endsWith("/search")) {
        return "search";
      }
      if (path.contains("cart")) {
        return "cart";
      }
      if (path.endsWith("/checkout")) {
        return "checkout";
      }
      if (path.endsWith("/payments") || path.equals("/pay")) {
        return "payment";
      }
      return path.matches("(/api)?/products/\\d+") ? "product" : "product_listing";
    }

    private void json(Response response, Callback callback, int status, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      Content.Sink.write(response, true, body, callback);
    }

    private void html(Response response, Callback callback, int status, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      Content.Sink.write(response, true, "<!doctype html><html><body>" + body + "</body></html>", callback);
    }
  }
}
