package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.saypro.monitor.core.testkit.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inhibitions of alertmanager/alertmanager.yml on a real prometheus-alertmanager (loopback, a
 * free port, short group timings): alerts are posted to its API as Prometheus would, and a local
 * receiver shows what reaches the pager and the tickets.
 */
class AlertmanagerBehaviourTest {
  @TempDir static Path dir;
  private static Receiver receiver;
  private static Process alertmanager;
  private static String url;

  @BeforeAll
  static void start() throws IOException {
    receiver = new Receiver();
    Files.writeString(dir.resolve("token"), "behaviour-token", StandardCharsets.UTF_8);
    Stack.writeAlertmanagerConfig(RepoRoot.find(), dir.resolve("am"), receiver, receiver.url("incidents"), dir.resolve("token"));
    int port = NodeExporter.freePort();
    url = "http://127.0.0.1:" + port;
    alertmanager = new ProcessBuilder(Tools.require("prometheus-alertmanager").toString(),
        "--config.file=" + dir.resolve("am/alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
        .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
    Await.until("Alertmanager is ready", Duration.ofSeconds(30), () -> Http.get(url + "/-/ready").contains("OK"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
        alertmanager.destroyForcibly();
      }
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aDatabaseThatIsDownInhibitsThePaymentAndCheckoutAlertsItCauses() {
    post(alert("PaymentFailuresHigh", "critical", "payments", "case", "before"));
    awaitReceived("pager", "PaymentFailuresHigh");

    post(alert("DatabaseDown", "critical", "database", "target", "postgresql", "instance", "db:9812"));
    awaitReceived("pager", "DatabaseDown");
    post(alert("PaymentFailuresHigh", "critical", "payments", "case", "during"),
        alert("CheckoutLatencyHigh", "warning", "payments"));
    awaitInhibited("PaymentFailuresHigh", "case", "during");
    awaitInhibited("CheckoutLatencyHigh", null, null);
    post(alert("DataIntegrityViolation", "warning", "database", "check", "orders_without_user"));
    awaitReceived("tickets", "DataIntegrityViolation");

    assertThat(receiver.received("pager")).filteredOn(r -> r.alertname().equals("PaymentFailuresHigh"))
        .extracting(r -> r.alert().at("/labels/case").asText()).containsOnly("before");
    assertThat(receiver.received("tickets")).extracting(Receiver.Received::alertname).doesNotContain("CheckoutLatencyHigh");
  }

  @Test
  void aMarketplaceThatIsDownInhibitsItsJourneyStepAlerts() {
    post(alert("MarketplaceDown", "critical", "marketplace", "check", "front"));
    awaitReceived("pager", "MarketplaceDown");
    post(alert("JourneyStepFailing", "warning", "marketplace", "journey", "browse", "step", "home"),
        alert("BackendDown", "warning", "marketplace", "check", "backend_1"));
    awaitInhibited("JourneyStepFailing", "journey", "browse");
    awaitInhibited("BackendDown", null, null);
    post(alert("DatabaseLongTransaction", "warning", "database", "target", "x"));
    awaitReceived("tickets", "DatabaseLongTransaction");
    assertThat(receiver.received("tickets")).extracting(Receiver.Received::alertname)
        .doesNotContain("JourneyStepFailing", "BackendDown");
  }

  @Test
  void aCriticalAlertInhibitsItsWarningOnTheSameInstanceOnly() {
    post(alert("NetworkLatencyBurnTest", "critical", "network", "instance", "a"));
    awaitReceived("pager", "NetworkLatencyBurnTest");
    post(alert("NetworkLatencyBurnTest", "warning", "network", "instance", "a"),
        alert("NetworkLatencyBurnTest", "warning", "network", "instance", "b"));
    awaitInhibited("NetworkLatencyBurnTest", "instance", "a");
    awaitReceived("tickets", "NetworkLatencyBurnTest");
    assertThat(receiver.received("tickets")).filteredOn(r -> r.alertname().equals("NetworkLatencyBurnTest"))
        .extracting(r -> r.alert().at("/labels/instance").asText()).containsOnly("b");
  }

  @Test
  void everyNotificationAlsoReachesTheIncidentExporter() {
    post(alert("CriticalFileChanged", "critical", "security"));
    awaitReceived("security", "CriticalFileChanged");
    awaitReceived("pager", "CriticalFileChanged");
    awaitReceived("incidents", "CriticalFileChanged");
  }

  private static String alert(String name, String severity, String team, String... labels) {
    StringBuilder json = new StringBuilder("{\"labels\":{\"alertname\":\"" + name + "\",\"severity\":\"" + severity
        + "\",\"team\":\"" + team + "\"");
    for (int i = 0; i < labels.length; i += 2) {
      json.append(",\"").append(labels[i]).append("\":\"").append(labels[i + 1]).append('"');
    }
    return json.append("},\"annotations\":{\"summary\":\"test\"},\"startsAt\":\"").append(Instant.now())
        .append("\",\"endsAt\":\"").append(Instant.now().plusSeconds(600)).append("\"}").toString();
  }

  private static void post(String... alerts) {
    var response = Http.post(url + "/api/v2/alerts", "[" + String.join(",", List.of(alerts)) + "]", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static void awaitReceived(String to, String alertname) {
    Await.until(alertname + " at " + to, Duration.ofSeconds(30), () -> receiver.first(to, alertname, "firing") != null);
  }

  private static void awaitInhibited(String alertname, String label, String value) {
    Await.until(alertname + " inhibited", Duration.ofSeconds(30), () -> {
      JsonNode alerts;
      try {
        alerts = Config.JSON.readTree(Http.get(url + "/api/v2/alerts?filter=alertname%3D%22" + alertname + "%22"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      for (JsonNode alert : alerts) {
        boolean matches = label == null || value.equals(alert.at("/labels/" + label).asText());
        if (matches && alert.at("/status/inhibitedBy").size() > 0) {
          return true;
        }
      }
      return false;
    });
  }
}
