package com.saypro.monitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A customer's whole visit, through the JSON API and through the HTML pages, against the demo on
 * a real database; run once on PostgreSQL and once on MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowseAndBuyContract {
  private TestDatabase database;
  private RunningDemo demo;

  abstract TestDatabase createDatabase() throws Exception;

  @BeforeAll
  void start() throws Exception {
    database = createDatabase();
    demo = RunningDemo.start(database.settings(), Files.createTempDirectory("demo-flow"));
  }

  @AfterAll
  void stop() throws Exception {
    if (demo != null) {
      demo.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void jsonApiBrowseAndBuy() throws Exception {
    RunningDemo.Visitor visitor = demo.visitor();
    assertThat(visitor.get("/").statusCode()).isEqualTo(200);

    JsonNode search = visitor.json(visitor.get("/api/search?q=lamp"));
    assertThat(search.path("total").asInt()).isEqualTo(40);
    long productId = search.path("results").get(0).path("id").asLong();
    assertThat(search.path("results").get(0).path("url").asText()).isEqualTo("/products/" + productId);

    JsonNode listing = visitor.json(visitor.get("/api/products?category=chairs&page=2"));
    assertThat(listing.path("total").asInt()).isEqualTo(40);
    assertThat(listing.path("results").size()).isEqualTo(20);

    JsonNode product = visitor.json(visitor.get("/api/products/" + productId));
    assertThat(product.path("stock").asInt()).isPositive();
    long price = product.path("price_cents").asLong();

    HttpResponse<String> added = visitor.postJson("/api/cart/items", "{\"product_id\":" + productId + ",\"quantity\":2}");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(visitor.json(added).path("total_cents").asLong()).isEqualTo(2 * price);

    HttpResponse<String> checkout = visitor.postJson("/api/checkout", "{}");
    assertThat(checkout.statusCode()).isEqualTo(201);
    String orderNumber = visitor.json(checkout).path("order_number").asText();
    assertThat(orderNumber).matches("SP-[0-9A-Z]{10}");
    assertThat(visitor.json(checkout).path("total_cents").asLong()).isEqualTo(2 * price);

    HttpResponse<String> paid = visitor.postJson("/api/payments", "{\"order_number\":\"" + orderNumber + "\",\"gateway\":\"cardpay\"}");
    assertThat(paid.statusCode()).isEqualTo(200);
    assertThat(visitor.json(paid).path("status").asText()).isEqualTo("succeeded");
    HttpResponse<String> again = visitor.postJson("/api/payments", "{\"order_number\":\"" + orderNumber + "\"}");
    assertThat(again.statusCode()).isEqualTo(409);

    assertThat(database.queryLong("SELECT COUNT(*) FROM orders WHERE order_number = '" + orderNumber + "' AND status = 'paid'"))
        .isEqualTo(1);
    assertThat(database.queryLong("SELECT COUNT(*) FROM payments WHERE gateway = 'cardpay' AND status = 'succeeded'"))
        .isGreaterThanOrEqualTo(1);
    assertThat(database.queryLong("SELECT COUNT(*) FROM orders WHERE user_id IS NULL")).isZero();
    assertThat(database.queryLong("SELECT quantity FROM inventory WHERE product_id = " + productId)).isEqualTo(100_000 - 2);
    JsonNode success = demo.events("payment_succeeded").stream()
        .filter(e -> e.path("order_number").asText().equals(orderNumber)).findFirst().orElseThrow();
    assertThat(success.path("gateway").asText()).isEqualTo("cardpay");
    assertThat(success.path("amount_cents").asLong()).isEqualTo(2 * price);
  }

  @Test
  void htmlPagesBrowseAndBuyLoggedIn() throws Exception {
    RunningDemo.Visitor visitor = demo.visitor();
    String home = visitor.get("/").body();
    assertThat(home).contains("<a class=\"category\" href=\"/products?category=lamps\">");

    HttpResponse<String> login = visitor.postForm("/login", "email=customer7%40saypro.example&password=demo-password");
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("location")).contains("/account");

    String listing = visitor.get("/products?category=desks").body();
    Matcher id = Pattern.compile("data-product-id=\"(\\d+)\"").matcher(listing);
    assertThat(id.find()).isTrue();
    String product = visitor.get("/products/" + id.group(1)).body();
    assertThat(product).contains("<input type=\"hidden\" name=\"product_id\" value=\"" + id.group(1) + "\">");

    assertThat(visitor.postForm("/cart/add", "product_id=" + id.group(1) + "&quantity=1").statusCode()).isEqualTo(303);
    assertThat(visitor.get("/cart").body()).containsPattern("<span id=\"cart-total-cents\">[1-9]\\d*</span>");

    HttpResponse<String> checkout = visitor.postForm("/checkout", "");
    assertThat(checkout.statusCode()).isEqualTo(200);
    Matcher number = Pattern.compile("<span id=\"order-number\">(SP-[0-9A-Z]{10})</span>").matcher(checkout.body());
    assertThat(number.find()).isTrue();

    HttpResponse<String> paid = visitor.postForm("/pay", "order_number=" + number.group(1) + "&gateway=walletpay");
    assertThat(paid.statusCode()).isEqualTo(200);
    assertThat(paid.body()).contains("<span id=\"payment-status\">succeeded</span>");

    HttpResponse<String> account = visitor.get("/account");
    assertThat(account.body()).contains("<span id=\"account-email\">customer7@saypro.example</span>").contains(number.group(1));
    assertThat(database.queryLong("SELECT COUNT(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE o.order_number = '"
        + number.group(1) + "' AND u.email = 'customer7@saypro.example'")).isEqualTo(1);
  }

  @Test
  void accountEventsAreLoggedForTheSecurityExporter() throws Exception {
    RunningDemo.Visitor visitor = demo.visitor();
    assertThat(visitor.postJson("/api/login", "{\"email\":\"customer3@saypro.example\",\"password\":\"nope-nope\"}").statusCode())
        .isEqualTo(401);
    assertThat(visitor.postJson("/api/login", "{\"email\":\"nobody@saypro.example\",\"password\":\"x\"}").statusCode()).isEqualTo(401);
    assertThat(visitor.get("/admin").statusCode()).isEqualTo(303);
    assertThat(visitor.postJson("/api/login", "{\"email\":\"customer3@saypro.example\",\"password\":\"demo-password\"}").statusCode())
        .isEqualTo(200);
    assertThat(visitor.get("/admin").statusCode()).isEqualTo(403);
    assertThat(visitor.postJson("/api/password-reset", "{\"email\":\"customer3@saypro.example\"}").statusCode()).isEqualTo(200);
    RunningDemo.Visitor admin = demo.visitor();
    assertThat(admin.postForm("/login", "email=admin%40saypro.example&password=admin-password").headers().firstValue("location"))
        .contains("/admin");
    assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    RunningDemo.Visitor newcomer = demo.visitor();
    String email = "new-" + System.nanoTime() + "@saypro.example";
    assertThat(newcomer.postJson("/api/register", "{\"email\":\"" + email + "\",\"password\":\"long-enough\",\"display_name\":\"N\"}")
        .statusCode()).isEqualTo(201);
    assertThat(newcomer.postJson("/api/register", "{\"email\":\"" + email + "\",\"password\":\"long-enough\",\"display_name\":\"N\"}")
        .statusCode()).isEqualTo(409);

    assertThat(demo.events("login_failed")).anySatisfy(e -> {
      assertThat(e.path("user").asText()).isEqualTo("customer3@saypro.example");
      assertThat(e.path("reason").asText()).isEqualTo("bad_password");
      assertThat(e.path("user_type").asText()).isEqualTo("customer");
      assertThat(e.path("client_ip").asText()).isEqualTo("127.0.0.1");
    }).anySatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("unknown_user"));
    assertThat(demo.events("login_succeeded")).anySatisfy(e -> assertThat(e.path("user_type").asText()).isEqualTo("admin"));
    assertThat(demo.events("access_denied")).anySatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("not_logged_in"))
        .anySatisfy(e -> {
          assertThat(e.path("reason").asText()).isEqualTo("not_admin");
          assertThat(e.path("path").asText()).isEqualTo("/admin");
        });
    assertThat(demo.events("password_reset_requested")).anySatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("sent"));
    assertThat(demo.events("registration_succeeded")).anySatisfy(e -> assertThat(e.path("user").asText()).isEqualTo(email));
    assertThat(demo.events("registration_failed")).anySatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("email_taken"));
    assertThat(String.join("\n", demo.appLog())).doesNotContain("demo-password", "admin-password", "long-enough", "SAYPRO_SESSION");
  }

  @Test
  void everyAppLogLineIsJsonWithTheCommonFields() throws Exception {
    demo.visitor().get("/api/search?q=rug");
    assertThat(demo.appLog()).isNotEmpty().allSatisfy(line -> {
      JsonNode event = RunningDemo.parse(line);
      assertThat(event.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(event.path("level").asText()).isIn("debug", "info", "warn", "error");
      assertThat(event.path("service").asText()).isIn("marketplace", "gateway", "control");
      assertThat(event.has("event") && event.has("instance") && event.has("msg")).isTrue();
    });
  }

  @Test
  void theFrontSpreadsRequestsOverTheBackends() throws Exception {
    RunningDemo.Visitor visitor = demo.visitor();
    Set<String> instances = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      instances.add(visitor.get("/").headers().firstValue("x-saypro-instance").orElse("none"));
    }
    assertThat(instances).containsExactlyInAnyOrder("backend-1", "backend-2", "backend-3");
    List<String> backends = demo.demo.backendUris().stream().map(u -> u.getHost() + ":" + u.getPort()).toList();
    List<String> lines = demo.awaitAccessLog(log -> upstreams(log).containsAll(backends));
    assertThat(upstreams(lines)).containsAll(backends);
  }

  private static Set<String> upstreams(List<String> lines) {
    Set<String> upstreams = new HashSet<>();
    for (String line : lines) {
      upstreams.add(AccessLogParser.parse(line).upstreamAddr());
    }
    return upstreams;
  }

}
