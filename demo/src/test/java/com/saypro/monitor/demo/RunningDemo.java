package com.saypro.monitor.demo;

import com.saypro.monitor.core.testkit.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.demo.db.DatabaseSettings;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The demo on free loopback ports with a hand-moved clock and a seeded random, plus HTTP helpers. */
final class RunningDemo implements AutoCloseable {
  static final String TOKEN = "test-token-3f9a1c";
  static final ObjectMapper JSON = new ObjectMapper();

  final DemoMarketplace demo;
  final MutableClock clock;
  final Path dir;

  private RunningDemo(DemoMarketplace demo, MutableClock clock, Path dir) {
    this.demo = demo;
    this.clock = clock;
    this.dir = dir;
  }

  static RunningDemo start(DatabaseSettings database, Path dir) throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, TOKEN + "\n");
    DemoConfig defaults = new DemoConfigReader(dir).read(com.saypro.monitor.core.config.ConfigNode.emptyMap("test"));
    DemoConfig config = defaults.onFreePorts().withDatabase(database).withTokenFile(tokenFile);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    return new RunningDemo(DemoMarketplace.start(config, clock, new Random(42), name -> null), clock, dir);
  }

  /** A visitor with its own cookie jar. */
  Visitor visitor() {
    return new Visitor(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(2)).build(), demo.frontUri());
  }

  /** Calls the fault API with the right token. */
  HttpResponse<String> faults(String method, String path, String body) throws IOException, InterruptedException {
    return faults(method, path, body, Optional.of(TOKEN));
  }

  HttpResponse<String> faults(String method, String path, String body, Optional<String> token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(demo.controlUri().resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  List<String> accessLog() throws IOException {
    return Files.readAllLines(demo.config().accessLog(), StandardCharsets.UTF_8);
  }

  /**
   * The access log once it has a line for each of {@code requests} ("GET /path"): the front writes
   * a line after the last byte went out, so the client can be faster than the log.
   */
  List<String> accessLogWith(String... requests) throws IOException, InterruptedException {
    return awaitAccessLog(lines -> java.util.Arrays.stream(requests)
        .allMatch(r -> lines.stream().anyMatch(l -> l.contains("\"" + r))));
  }

  /** The access log once {@code condition} holds on it (or after 10 s, for the assertion to fail). */
  List<String> awaitAccessLog(java.util.function.Predicate<List<String>> condition) throws IOException, InterruptedException {
    try {
      com.saypro.monitor.core.testkit.Await.until("the access log", Duration.ofSeconds(10), () -> {
        try {
          return condition.test(accessLog());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (AssertionError timedOut) {
      // the caller's assertion on the lines says what is missing
    }
    return accessLog();
  }

  List<String> appLog() throws IOException {
    return Files.readAllLines(demo.config().appLog(), StandardCharsets.UTF_8);
  }

  /** The app log events named {@code event}, parsed. */
  List<JsonNode> events(String event) throws IOException {
    return appLog().stream().map(RunningDemo::parse).filter(n -> n.path("event").asText().equals(event)).toList();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  @Override
  public void close() {
    demo.close();
  }

  /** One browser: a cookie jar and the front's address. */
  static final class Visitor {
    final HttpClient http;
    final URI front;

    Visitor(HttpClient http, URI front) {
      this.http = http;
      this.front = front;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(front.resolve(path)).header("User-Agent", "demo-test").build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(front.resolve(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(front.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) {
      return parse(response.body());
    }

    /** Cart, checkout and payment through the JSON API; returns the payment answer. */
    HttpResponse<String> buy(long productId, String gateway) throws IOException, InterruptedException {
      HttpResponse<String> added = postJson("/api/cart/items", "{\"product_id\":" + productId + ",\"quantity\":1}");
      if (added.statusCode() != 200) {
        throw new AssertionError("add to cart: " + added.statusCode() + " " + added.body());
      }
      HttpResponse<String> order = postJson("/api/checkout", "{}");
      if (order.statusCode() != 201) {
        throw new AssertionError("checkout: " + order.statusCode() + " " + order.body());
      }
      String number = json(order).path("order_number").asText();
      return postJson("/api/payments", "{\"order_number\":\"" + number + "\",\"gateway\":\"" + gateway + "\"}");
    }
  }
}
