package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.sla.Receiver.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on loopback: the demo marketplace, the exporters, the real prometheus and
 * prometheus-alertmanager with the repository's rules and routing (short intervals), a local
 * receiver for the pager and tickets, and the incident exporter. Faults are injected through the
 * demo's fault API; the measured fault-to-page times go to target/sla-e2e.properties
 * (bench/sla/run.sh reports them).
 */
class EndToEndTest {
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(90);
  private final Path root = RepoRoot.find();

  @Test
  void faultsPageOnCallInhibitTheirEchoesAndResolve(@TempDir Path dir) throws Exception {
    // -Dsaypro.e2e.keep=DIR keeps the stack's files (configs, logs, data) for a look after the run
    String keep = System.getProperty("saypro.e2e.keep", "");
    if (!keep.isEmpty()) {
      dir = Files.createDirectories(Path.of(keep));
    }
    try (Receiver receiver = new Receiver(); Stack stack = new Stack(root, dir)) {
      try {
        run(stack, receiver);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + "\nreceived: " + receiver.received("pager").stream()
            .map(r -> r.status() + " " + r.alertname() + "/" + r.severity()).toList()
            + "\ntickets: " + receiver.received("tickets").stream().map(r -> r.status() + " " + r.alertname()).toList()
            + stack.logTails(), e);
      }
    }
  }

  private void run(Stack stack, Receiver receiver) throws Exception {
    stack.start(receiver);
    int prom = stack.port("prometheus");
    String faults = "http://127.0.0.1:" + stack.port("control") + "/faults";
    String alertmanager = "http://127.0.0.1:" + stack.port("alertmanager");
    Map<String, String> figures = new LinkedHashMap<>();
    backupRunAndDrill(stack, prom);

    // Warm-up: normal traffic from the journeys, a few listing errors and a failed login for the dashboards.
    assertThat(Http.post(faults, "{\"target\":\"product_listing\",\"type\":\"error\",\"status\":500}", stack.faultToken).statusCode()).isEqualTo(201);
    for (int i = 0; i < 3; i++) {
      Http.get(stack.front() + "/api/products?category=lamps");
    }
    Http.delete(faults, stack.faultToken);
    Http.post(stack.front() + "/api/login", "{\"email\":\"customer1@saypro.example\",\"password\":\"not-the-password\"}", null);
    Await.until("the checkout SLO has a ratio and the 100 ms bucket is scraped", Duration.ofSeconds(60), () ->
        Http.value(prom, "slo:sli_error:ratio_rate5m{slo=\"checkout\"}") == 0
            && Http.query(prom, "saypro_http_request_duration_seconds_bucket{le=\"0.1\"}").size() > 0);
    assertThat(receiver.received("pager")).as("no page before any fault").isEmpty();

    // A checkout outage pages; the warnings it causes are inhibited, not sent as tickets.
    long checkoutFault = injectFault(faults, stack, "{\"target\":\"checkout\",\"type\":\"down\"}");
    Received burnPage = awaitNotification(receiver, "pager", "CheckoutErrorBudgetBurn", "firing", checkoutFault);
    Received journeyPage = awaitNotification(receiver, "pager", "CheckoutJourneyFailing", "firing", checkoutFault);
    assertThat(burnPage.severity()).isEqualTo("critical");
    figures.put("checkout_fault_to_burn_page_seconds", seconds(burnPage.atMillis() - checkoutFault));
    figures.put("checkout_fault_to_journey_page_seconds", seconds(journeyPage.atMillis() - checkoutFault));
    awaitInhibited(alertmanager, "JourneyStepFailing");
    awaitInhibited(alertmanager, "CheckoutErrorBudgetBurn");
    Await.until("tickets receive a warning nothing inhibits (ExporterDown of the e2e-absent target)", Duration.ofSeconds(60),
        () -> receiver.received("tickets").stream().anyMatch(r -> r.alertname().equals("ExporterDown")
            && r.alert().at("/labels/job").asText().equals("e2e-absent")));
    assertThat(receiver.received("tickets")).extracting(Received::alertname)
        .as("inhibited warnings never reach the ticket receiver")
        .doesNotContain("JourneyStepFailing", "CheckoutErrorBudgetBurn");
    Http.delete(faults, stack.faultToken);
    awaitNotification(receiver, "pager", "CheckoutJourneyFailing", "resolved", checkoutFault);

    // A payment gateway failure pages on-call; a silence acknowledges the incident; clearing resolves it.
    long gatewayFault = injectFault(faults, stack, "{\"target\":\"gateway\",\"type\":\"down\"}");
    Received gatewayPage = awaitNotification(receiver, "pager", "PaymentGatewayDown", "firing", gatewayFault);
    figures.put("gateway_fault_to_page_seconds", seconds(gatewayPage.atMillis() - gatewayFault));
    String silence = silence(alertmanager, "PaymentGatewayDown");
    Await.until("the incident exporter sees the acknowledgement", Duration.ofSeconds(30),
        () -> Http.value(prom, "sum(saypro_incidents_time_to_acknowledge_seconds_count)") >= 1);
    Http.delete(alertmanager + "/api/v2/silence/" + silence, null);
    Http.delete(faults, stack.faultToken);
    awaitNotification(receiver, "pager", "PaymentGatewayDown", "resolved", gatewayFault);
    Await.until("the incident exporter records the resolutions", Duration.ofSeconds(30),
        () -> Http.value(prom, "sum(saypro_incidents_time_to_resolve_seconds_count)") >= 2);
    assertThat(Http.value(prom, "sum(saypro_incidents_created_total{severity=\"critical\"})")).isGreaterThanOrEqualTo(3);

    // The Watchdog heartbeat reaches the incident exporter through the real routing.
    Await.until("the Watchdog reaches the incident exporter", Duration.ofSeconds(30),
        () -> Http.value(prom, "max(saypro_incidents_heartbeat_last_received_timestamp_seconds)") > 0);
    assertThat(receiver.received("pager")).extracting(Received::alertname).as("the Watchdog never pages").doesNotContain("Watchdog");

    // The incident exporter's SLA agrees with prometheus/sla.yml.
    SlaSpec sla = SlaReader.read(root.resolve("prometheus/sla.yml"));
    assertThat(Http.value(prom, "max(saypro_incidents_sla_target_seconds{severity=\"critical\",sla=\"acknowledge\"})"))
        .isEqualTo((double) sla.incidents().acknowledge().get("critical").toSeconds());

    // What Prometheus and Alertmanager report about themselves, used by rules and dashboards.
    for (String own : MetricConsistencyTest.PROMETHEUS_OWN) {
      assertThat(Http.query(prom, own).size()).as("%s has data", own).isPositive();
    }
    assertThat(Http.value(prom, "sum(prometheus_rule_evaluation_failures_total)")).as("rule evaluation failures").isZero();
    figures.put("rule_groups", fmt(Http.value(prom, "count(prometheus_rule_group_last_duration_seconds)")));
    figures.put("rules", fmt(Http.value(prom, "sum(prometheus_rule_group_rules)")));
    figures.put("rule_evaluation_seconds_sum", fmt(Http.value(prom, "sum(prometheus_rule_group_last_duration_seconds)")));
    figures.put("rule_evaluation_seconds_max_group", fmt(Http.value(prom, "max(prometheus_rule_group_last_duration_seconds)")));

    Await.until("the backup SLA counts the second run of the critical job", Duration.ofSeconds(30),
        () -> Http.value(prom, SloRules.BACKUP_SUCCESS) == 1);
    // The fixtures' data reads as intended, not only as present (ExporterFixtures).
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("min(saypro_backup_integrity_ok)", 1.0);
    expected.put("max(saypro_backup_drill_success)", 1.0);
    expected.put("min(saypro_network_dns_lookup_success * saypro_network_dns_answer_match)", 1.0);
    expected.put("min(saypro_network_dns_soa_serial_match)", 1.0);
    expected.put("min(saypro_network_pool_backends_healthy)", 3.0);
    expected.put("min(saypro_security_cert_chain_valid * saypro_security_cert_hostname_match)", 1.0);
    expected.put("sum(saypro_security_bruteforce_sources{log=\"ssh\"})", 1.0);
    expected.put("sum(saypro_security_vulnerabilities{severity=\"high\"})", 1.0);
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      Await.until(e.getKey() + " is " + e.getValue(), Duration.ofSeconds(30), () -> Http.value(prom, e.getKey()) == e.getValue());
    }
    assertThat(emptyPanels(stack)).as("dashboard queries without data").isEmpty();

    figures.put("floor_seconds", fmt(floorSeconds()));
    writeFigures(figures);
  }

  /**
   * Once Prometheus has the first backups, each job runs again (the success counters move, so the
   * backup SLA has a ratio) and the restore drill restores the critical job's dump into a scratch database.
   */
  private void backupRunAndDrill(Stack stack, int prom) throws Exception {
    Await.until("Prometheus has both backup jobs' first run", Duration.ofSeconds(30),
        () -> Http.value(prom, "count(saypro_backup_runs_total{outcome=\"success\"} > 0)") == 2);
    stack.fixtures.secondBackupRun();
    var drill = Http.post("http://127.0.0.1:" + stack.port("backup") + "/drill?name=" + ExporterFixtures.DRILL + "&wait=true", "",
        stack.fixtures.drillToken());
    assertThat(drill.statusCode()).as("restore drill: %s", drill.body()).isEqualTo(200);
  }

  private long injectFault(String faults, Stack stack, String fault) {
    long at = System.currentTimeMillis();
    assertThat(Http.post(faults, fault, stack.faultToken).statusCode()).as("fault %s accepted", fault).isEqualTo(201);
    return at;
  }

  private Received awaitNotification(Receiver receiver, String to, String alertname, String status, long after) {
    Await.until(status + " " + alertname + " at " + to, PAGE_TIMEOUT, () -> receiver.first(to, alertname, status, after) != null);
    return receiver.first(to, alertname, status, after);
  }

  private String silence(String alertmanager, String alertname) throws Exception {
    Instant now = Instant.now();
    String body = "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"" + alertname + "\",\"isRegex\":false,\"isEqual\":true}],"
        + "\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(3600) + "\",\"createdBy\":\"e2e\",\"comment\":\"acknowledged\"}";
    var response = Http.post(alertmanager + "/api/v2/silences", body, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Config.JSON.readTree(response.body()).get("silenceID").asText();
  }

  private void awaitInhibited(String alertmanager, String alertname) {
    Await.until(alertname + " is inhibited in Alertmanager", PAGE_TIMEOUT, () -> {
      JsonNode alerts;
      try {
        alerts = Config.JSON.readTree(Http.get(alertmanager + "/api/v2/alerts?filter=alertname%3D%22" + alertname + "%22"));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      for (JsonNode alert : alerts) {
        if (alert.at("/labels/severity").asText().equals("warning") && alert.at("/status/inhibitedBy").size() > 0) {
          return true;
        }
      }
      return false;
    });
  }

  /** Dashboard queries that return nothing, except those that cannot have data in this stack (with why). */
  private List<String> emptyPanels(Stack stack) {
    Map<String, String> excused = new LinkedHashMap<>();
    excused.put("offset 1w", "the stack has no data from a week ago");
    excused.put("saypro_db_replication_lag_seconds", "the test database has no replica");
    List<String> empty = new ArrayList<>();
    for (Config.Query query : Config.queries(root)) {
      boolean isExcused = excused.keySet().stream().anyMatch(query.expr()::contains);
      if (!isExcused && Http.query(stack.port("prometheus"), Config.expand(query.expr())).isEmpty()) {
        empty.add(query.dashboard() + " \"" + query.panel() + "\": " + query.expr());
      }
    }
    return empty;
  }

  /** Scrape interval + evaluation interval + the rule's for + group_wait of the test's settings. */
  static double floorSeconds() {
    return seconds(Stack.SCRAPE_INTERVAL) + seconds(Stack.EVALUATION_INTERVAL) + seconds(Stack.FOR) + seconds(Stack.GROUP_WAIT);
  }

  private static double seconds(String duration) {
    return Double.parseDouble(duration.replace("s", ""));
  }

  private static String seconds(long millis) {
    return fmt(millis / 1000.0);
  }

  private static String fmt(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  private static void writeFigures(Map<String, String> figures) throws Exception {
    StringBuilder out = new StringBuilder();
    figures.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    Path file = Path.of("target/sla-e2e.properties");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }
}
