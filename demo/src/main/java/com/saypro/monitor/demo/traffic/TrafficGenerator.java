package com.saypro.monitor.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.saypro.monitor.demo.web.HttpIo;
import com.saypro.monitor.demo.web.RouteClass;
import com.saypro.monitor.demo.web.Sessions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives browsing and buying against a running demo at a fixed request rate, bounded by time and
 * count. Each visitor has its own session cookie and walks home, a listing or a search, a product,
 * and at {@code buyRatio} the cart, checkout and payment; a few log in, fail a login, ask for a
 * password reset or knock on the admin page, so the security log has something to show.
 */
public final class TrafficGenerator {
  private static final List<String> WORDS = List.of("lamp", "chair", "desk", "oak", "modern", "rug", "shel", "compact");
  private static final List<String> CATEGORIES = List.of("lamps", "chairs", "desks", "shelves", "rugs");
  private static final Pattern PRODUCT_ID = Pattern.compile("data-product-id=\"(\\d+)\"");
  private static final String USER_AGENT = "saypro-traffic/0.1";

  private final URI target;
  private final HttpClient http;
  private final double buyRatio;
  private final long seed;

  public TrafficGenerator(URI target, HttpClient http, double buyRatio, long seed) {
    this.target = target;
    this.http = http;
    this.buyRatio = buyRatio;
    this.seed = seed;
  }

  /** Runs until {@code duration} has passed or {@code maxRequests} were sent (0: no count limit). */
  public TrafficSummary run(double ratePerSecond, Duration duration, long maxRequests) throws InterruptedException {
    Pacer pacer = new Pacer(ratePerSecond, duration.toNanos(), maxRequests);
    TrafficSummary summary = new TrafficSummary();
    int visitors = (int) Math.max(2, Math.min(64, Math.ceil(ratePerSecond / 2)));
    AtomicLong visitNumber = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(visitors, r -> {
      Thread thread = new Thread(r, "traffic-visitor");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (int i = 0; i < visitors; i++) {
        pool.execute(() -> {
          while (true) {
            Visit visit = new Visit(pacer, summary, new Random(seed * 1_000_003L + visitNumber.incrementAndGet()));
            if (!visit.walk()) {
              return;
            }
          }
        });
      }
      pool.shutdown();
      if (!pool.awaitTermination(duration.toMillis() + 70_000, TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } finally {
      pool.shutdownNow();
    }
    return summary;
  }

  /** One visitor's walk through the site. */
  private final class Visit {
    private final Pacer pacer;
    private final TrafficSummary summary;
    private final Random random;
    private String cookie;

    Visit(Pacer pacer, TrafficSummary summary, Random random) {
      this.pacer = pacer;
      this.summary = summary;
      this.random = random;
    }

    /** False when the run is over. */
    boolean walk() {
      if (send("GET", "/", null) == null) {
        return false;
      }
      String productId;
      if (random.nextBoolean()) {
        Answer search = send("GET", "/api/search?q=" + URLEncoder.encode(pick(WORDS), StandardCharsets.UTF_8), null);
        if (search == null) {
          return false;
        }
        productId = firstJsonId(search);
      } else {
        Answer listing = send("GET", "/products?category=" + pick(CATEGORIES) + "&page=" + (1 + random.nextInt(2)), null);
        if (listing == null) {
          return false;
        }
        productId = firstHtmlId(listing);
      }
      if (productId == null) {
        return true; // the page failed (a fault, the database): this visitor leaves
      }
      if (send("GET", random.nextBoolean() ? "/products/" + productId : "/api/products/" + productId, null) == null) {
        return false;
      }
      double roll = random.nextDouble();
      if (roll < 0.03) {
        return send("POST", "/api/login", "{\"email\":\"customer" + (1 + random.nextInt(50))
            + "@saypro.example\",\"password\":\"wrong-password\"}") != null;
      }
      if (roll < 0.05) {
        return send("POST", "/api/password-reset", "{\"email\":\"customer" + (1 + random.nextInt(60)) + "@saypro.example\"}") != null;
      }
      if (roll < 0.06) {
        return send("GET", "/admin", null) != null;
      }
      if (random.nextDouble() >= buyRatio) {
        return true;
      }
      if (random.nextDouble() < 0.3 && send("POST", "/api/login", "{\"email\":\"customer" + (1 + random.nextInt(50))
          + "@saypro.example\",\"password\":\"demo-password\"}") == null) {
        return false;
      }
      Answer added = send("POST", "/api/cart/items", "{\"product_id\":" + productId + ",\"quantity\":" + (1 + random.nextInt(3)) + "}");
      if (added == null) {
        return false;
      }
      if (added.status != 200) {
        return true;
      }
      Answer order = send("POST", "/api/checkout", "{}");
      if (order == null) {
        return false;
      }
      String orderNumber = order.status == 201 ? json(order).path("order_number").asText(null) : null;
      if (orderNumber == null) {
        return true;
      }
      double gateway = random.nextDouble();
      String name = gateway < 0.6 ? "sandbox" : gateway < 0.85 ? "cardpay" : "walletpay";
      return send("POST", "/api/payments", "{\"order_number\":\"" + orderNumber + "\",\"gateway\":\"" + name + "\"}") != null;
    }

    /** Sends one request in the next pacer slot; null when the run is over. */
    private Answer send(String method, String pathAndQuery, String jsonBody) {
      if (!pacer.acquire()) {
        return null;
      }
      String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
      String route = RouteClass.of(path).label();
      HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(pathAndQuery))
          .timeout(Duration.ofSeconds(30))
          .header("User-Agent", USER_AGENT)
          .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
      if (jsonBody != null) {
        request.header("Content-Type", "application/json");
      }
      if (cookie != null) {
        request.header("Cookie", cookie);
      }
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith(Sessions.COOKIE + "="))
            .findFirst()
            .ifPresent(c -> cookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
        summary.count(route, Integer.toString(response.statusCode()));
        return new Answer(response.statusCode(), response.body());
      } catch (IOException e) {
        summary.count(route, "error");
        return new Answer(0, "");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    private String pick(List<String> values) {
      return values.get(random.nextInt(values.size()));
    }

    private String firstJsonId(Answer answer) {
      JsonNode results = json(answer).path("results");
      return results.isArray() && results.size() > 0 ? results.get(random.nextInt(results.size())).path("id").asText(null) : null;
    }

    private String firstHtmlId(Answer answer) {
      Matcher matcher = PRODUCT_ID.matcher(answer.body);
      return answer.status == 200 && matcher.find() ? matcher.group(1) : null;
    }

    private JsonNode json(Answer answer) {
      try {
        return answer.status / 100 == 2 ? HttpIo.JSON.readTree(answer.body) : HttpIo.object();
      } catch (IOException e) {
        return HttpIo.object();
      }
    }
  }

  private record Answer(int status, String body) {}
}
