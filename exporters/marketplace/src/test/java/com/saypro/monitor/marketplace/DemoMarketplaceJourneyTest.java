package com.saypro.monitor.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.marketplace.testing.RealDemo;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded default config (journeys "checkout" and "browse", the five health checks) against
 * the real demo marketplace (on free loopback ports, on a fresh PostgreSQL database), with the
 * issue's accuracy and fault tests; faults go through the demo's documented fault API.
 */
class DemoMarketplaceJourneyTest {
  private static RealDemo demo;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    demo = RealDemo.start();
  }

  @AfterAll
  static void stop() throws Exception {
    demo.close();
  }

  @AfterEach
  void clearFaults() throws Exception {
    fault("DELETE", null);
  }

  /** The embedded defaults, each demo address moved by {@code moves} (default port to new address). */
  static String defaultsPointingAt(java.util.Map<String, String> moves) throws IOException {
    String defaults;
    try (InputStream in = MarketplaceExporter.class.getResourceAsStream(new MarketplaceExporter().defaultConfigResource())) {
      defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String port : new String[] {"8480", "8482", "8491", "8492", "8493"}) {
      assertThat(defaults).contains("127.0.0.1:" + port);
      defaults = defaults.replace("127.0.0.1:" + port, moves.get(port));
    }
    assertThat(defaults).contains("start_delay: 2s");
    return defaults.replace("start_delay: 2s", "start_delay: 1h"); // only the test's own /probe runs count
  }

  static String defaultsPointingAt(String address) throws IOException {
    java.util.Map<String, String> moves = new java.util.HashMap<>();
    for (String port : new String[] {"8480", "8482", "8491", "8492", "8493"}) {
      moves.put(port, address);
    }
    return defaultsPointingAt(moves);
  }

  private ExporterTestKit exporter() throws Exception {
    return ExporterTestKit.builder(new MarketplaceExporter()).config(defaultsPointingAt(demo.addresses())).start();
  }

  private void fault(String method, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(demo.faultsUri())
        .header("Authorization", "Bearer " + RealDemo.TOKEN);
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    int status = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    assertThat(status).isIn(201, 204);
  }

  @Test
  void theDefaultJourneysAndChecksPassAgainstTheDemo() throws Exception {
    try (ExporterTestKit kit = exporter()) {
      for (String journey : new String[] {"checkout", "browse"}) {
        String debug = kit.get("/probe?journey=" + journey + "&debug=true").body();
        assertThat(debug).as(debug).startsWith("journey " + journey + ": succeeded");
      }
      for (String check : new String[] {"front", "payment_gateway", "backend_1", "backend_2", "backend_3"}) {
        assertThat(Scrape.parse(kit.get("/probe?check=" + check).body()).value("saypro_probe_success")).as(check).isEqualTo(1.0);
      }
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_journey_step_attempts_total", "journey", "checkout", "step", "pay")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_journey_last_success", "journey", "checkout")).isEqualTo(1.0);
    }
  }

  /**
   * The accuracy test: 200 ms injected on checkout is 200 ms more time to first byte of
   * that step, within 5 ms. Each side is the fastest of 7 runs: noise on the shared test machine
   * only ever adds time, so the minimum estimates the undisturbed value.
   */
  @Test
  void latencyInjectedOnCheckoutShowsInItsTimeToFirstByteWithin5Ms() throws Exception {
    try (ExporterTestKit kit = exporter()) {
      kit.get("/probe?journey=checkout"); // warm up
      double baseline = fastestCheckoutTtfb(kit);
      fault("POST", "{\"target\":\"checkout\",\"type\":\"latency\",\"latency_ms\":200}");
      double delayed = fastestCheckoutTtfb(kit);
      assertThat((delayed - baseline) * 1000).isCloseTo(200.0, Offset.offset(5.0));
    }
  }

  private static double fastestCheckoutTtfb(ExporterTestKit kit) {
    double fastest = Double.MAX_VALUE;
    for (int i = 0; i < 7; i++) {
      Scrape probe = Scrape.parse(kit.get("/probe?journey=checkout").body());
      assertThat(probe.value("saypro_probe_success")).isEqualTo(1.0);
      fastest = Math.min(fastest, probe.value("saypro_probe_step_phase_seconds", "step", "checkout", "phase", "processing"));
    }
    return fastest;
  }

  /**
   * The fault test: gateway declines at 50 % show as failures of the pay step, one for each
   * {@code payment_failed} line the demo wrote to its application log.
   */
  @Test
  void gatewayDeclinesAtHalfTheRateShowInThePayStepFailures() throws Exception {
    try (ExporterTestKit kit = exporter()) {
      fault("POST", "{\"target\":\"gateway\",\"type\":\"decline\",\"rate\":0.5}");
      int before = demo.declinedPayments();
      int runs = 40;
      for (int i = 0; i < runs; i++) {
        kit.get("/probe?journey=checkout");
      }
      int declined = demo.awaitDeclinedPayments(before, (int) Math.round(
          Scrape.parse(kit.get("/metrics").body()).value("saypro_journey_step_failures_total", "journey", "checkout", "step", "pay", "reason", "status"))) - before;
      Scrape scrape = kit.scrape();
      double payFailures = scrape.value("saypro_journey_step_failures_total", "journey", "checkout", "step", "pay", "reason", "status");
      assertThat(payFailures).isEqualTo(declined);
      assertThat(payFailures).isBetween(runs * 0.25, runs * 0.75);
      assertThat(scrape.value("saypro_journey_step_attempts_total", "journey", "checkout", "step", "pay")).isEqualTo(runs);
      assertThat(scrape.value("saypro_journey_failures_total", "journey", "checkout")).isEqualTo(payFailures);
      assertThat(scrape.find("saypro_journey_step_failures_total", "journey", "checkout", "step", "checkout").stream()
          .mapToDouble(Scrape.Sample::value).sum()).isZero();
    }
  }

  @Test
  void withNothingListeningTheDefaultsFailCleanlyWithConnect() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    try (ExporterTestKit kit = ExporterTestKit.builder(new MarketplaceExporter())
        .config(defaultsPointingAt("127.0.0.1:" + closedPort)).start()) {
      Scrape journey = Scrape.parse(kit.get("/probe?journey=checkout").body());
      assertThat(journey.value("saypro_probe_step_failed", "step", "home", "reason", "connect")).isEqualTo(1.0);
      Scrape check = Scrape.parse(kit.get("/probe?check=front").body());
      assertThat(check.value("saypro_probe_failed", "address", "127.0.0.1", "reason", "connect")).isEqualTo(1.0);
      assertThat(check.value("saypro_probe_attempts", "address", "127.0.0.1")).isEqualTo(2.0);
    }
  }

  @Test
  void theEmbeddedDefaultsStartOnAFreshMachine() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new MarketplaceExporter()).start()) {
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_journey_attempts_total", "journey", "checkout")).isZero();
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "journeys")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "availability")).isEqualTo(1.0);
    }
  }
}
