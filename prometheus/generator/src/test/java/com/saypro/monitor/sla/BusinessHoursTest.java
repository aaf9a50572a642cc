package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tickets wait for business hours, pages do not: the routing of alertmanager/alertmanager.yml on a
 * real Alertmanager, with the business-hours interval moved to a day that is not today (the only
 * change), so that "now" is outside it whenever the test runs.
 */
class BusinessHoursTest {
  @Test
  void outsideBusinessHoursWarningsWaitAndPagesGoOut(@TempDir Path dir) throws Exception {
    Path root = RepoRoot.find();
    DayOfWeek today = ZonedDateTime.now(ZoneId.of("Africa/Johannesburg")).getDayOfWeek();
    String otherDay = today.plus(3).name().toLowerCase(Locale.ROOT);
    try (Receiver receiver = new Receiver()) {
      Files.writeString(dir.resolve("token"), "t", StandardCharsets.UTF_8);
      String config = Stack.alertmanagerConfig(root, receiver, receiver.url("incidents"), dir.resolve("token"));
      String moved = config.replace("- weekdays: [\"monday:friday\"]", "- weekdays: [\"" + otherDay + "\"]");
      assertThat(moved).as("the business-hours interval is where the test expects it").isNotEqualTo(config)
          .contains("active_time_intervals: [business-hours]");
      Stack.writeAlertmanagerFiles(root, dir.resolve("am"), moved);
      int port = NodeExporter.freePort();
      String url = "http://127.0.0.1:" + port;
      Process am = new ProcessBuilder(Tools.require("prometheus-alertmanager").toString(),
          "--config.file=" + dir.resolve("am/alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
          .redirectErrorStream(true).redirectOutput(dir.resolve("am.log").toFile()).start();
      try {
        try {
          Await.until("Alertmanager is ready", Duration.ofSeconds(30), () -> Http.get(url + "/-/ready").contains("OK"));
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n" + Files.readString(dir.resolve("am.log")), e);
        }
        post(url, "BackendDown", "warning");
        post(url, "DatabaseDown", "critical");
        Await.until("the page goes out", Duration.ofSeconds(30), () -> receiver.first("pager", "DatabaseDown", "firing") != null);
        Await.until("the incident exporter hears of the warning", Duration.ofSeconds(30),
            () -> receiver.first("incidents", "BackendDown", "firing") != null);
        // a later alert reaching the incident exporter proves the ticket route's group_wait has passed too
        post(url, "DatabaseLongTransaction", "warning");
        Await.until("a later notification", Duration.ofSeconds(30),
            () -> receiver.first("incidents", "DatabaseLongTransaction", "firing") != null);
        assertThat(receiver.received("tickets")).as("no ticket outside business hours").isEmpty();
      } finally {
        am.destroy();
        if (!am.waitFor(10, TimeUnit.SECONDS)) {
          am.destroyForcibly();
        }
      }
    }
  }

  private static void post(String url, String alertname, String severity) {
    String alert = "[{\"labels\":{\"alertname\":\"" + alertname + "\",\"severity\":\"" + severity + "\",\"team\":\"database\"},"
        + "\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\"" + Instant.now().plusSeconds(600) + "\"}]";
    assertThat(Http.post(url + "/api/v2/alerts", alert, null).statusCode()).isEqualTo(200);
  }
}
