package com.saypro.monitor.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.marketplace.testing.TestCertificates;
import com.saypro.monitor.marketplace.testing.TestDnsServer;
import com.saypro.monitor.marketplace.testing.TestSite;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Journeys end to end: the exporter started as users start it, probing a real test site. */
class JourneyExporterTest {
  private static TestSite site;
  private static TestDnsServer dns;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.start("127.0.0.1", TestCertificates.create(Duration.ofDays(30)));
    dns = new TestDnsServer().add("shop.test", "127.0.0.1");
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    dns.close();
  }

  private static ExporterTestKit start(String journeys) throws Exception {
    return ExporterTestKit.builder(new MarketplaceExporter())
        .config("start_delay: 0s\ndns_server: " + dns.address() + "\njourneys:\n" + journeys)
        .start();
  }

  @Test
  void cookiesAndExtractedValuesCarryFromStepToStep() throws Exception {
    String config = """
          - name: account
            scheduled: false
            steps:
              - name: login
                url: %s
                extract:
                  token: {json: $.token}
                  user_id: {json: /user/id}
              - name: orders
                url: %s
                headers: {X-Token: '{{token}}'}
                expect:
                  status: 200
                  json: {$.owner: '{{user_id}}', /status: paid}
        """.formatted(site.http("/login"), site.http("/orders/{{user_id}}"));
    try (ExporterTestKit kit = start(config)) {
      HttpResponse<String> probe = kit.get("/probe?journey=account");
      assertThat(probe.statusCode()).isEqualTo(200);
      Scrape result = Scrape.parse(probe.body());
      assertThat(result.value("saypro_probe_success")).isEqualTo(1.0);
      assertThat(result.value("saypro_probe_step_status_code", "step", "orders")).isEqualTo(200.0);

      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_journey_attempts_total", "journey", "account")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_journey_failures_total", "journey", "account")).isEqualTo(0.0);
      assertThat(scrape.value("saypro_journey_step_attempts_total", "journey", "account", "step", "orders")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_journey_last_success", "journey", "account")).isEqualTo(1.0);
    }
  }

  @Test
  void withoutTheCookieTheSameJourneyFailsOnStatus() throws Exception {
    // the same request without a login before it: proves the cookie, not luck, made the other pass
    String config = """
          - name: anonymous
            scheduled: false
            variables: {token: tok-42}
            steps:
              - name: orders
                url: %s
                headers: {X-Token: '{{token}}'}
        """.formatted(site.http("/orders/7"));
    try (ExporterTestKit kit = start(config)) {
      Scrape result = Scrape.parse(kit.get("/probe?journey=anonymous").body());
      assertThat(result.value("saypro_probe_success")).isEqualTo(0.0);
      assertThat(result.value("saypro_probe_step_failed", "step", "orders", "reason", "status")).isEqualTo(1.0);
    }
  }

  @Test
  void eachFailureReasonIsCountedOnTheStepThatFailed() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    String config = """
          - {name: status, scheduled: false, steps: [{name: s, url: '%s'}, {name: after, url: '%s'}]}
          - {name: assertion, scheduled: false, steps: [{name: s, url: '%s', expect: {body_matches: 'goodbye'}}]}
          - {name: slow, scheduled: false, steps: [{name: s, url: '%s', expect: {max_duration: 100ms}}]}
          - {name: missing, scheduled: false, steps: [{name: s, url: '%s', extract: {x: {regex: 'id=(\\d+)'}}}]}
          - {name: big, scheduled: false, steps: [{name: s, url: '%s'}]}
          - {name: loop, scheduled: false, steps: [{name: s, url: '%s'}]}
          - {name: timeout, scheduled: false, timeout: 300ms, steps: [{name: s, url: '%s'}]}
          - {name: connect, scheduled: false, steps: [{name: s, url: 'http://127.0.0.1:%d/'}]}
          - {name: tls, scheduled: false, steps: [{name: s, url: '%s'}]}
          - {name: dns, scheduled: false, steps: [{name: s, url: 'http://no-such-host.test/'}]}
        """.formatted(site.http("/status?code=503"), site.http("/ok"), site.http("/ok"), site.http("/delay?ms=300"),
            site.http("/ok"), site.http("/bytes?n=10485760"), site.http("/loop"), site.http("/delay?ms=3000"), closedPort,
            site.https("/ok"));
    List<String[]> expected = List.of(
        new String[] {"status", "status"}, new String[] {"assertion", "assertion"}, new String[] {"slow", "assertion"},
        new String[] {"missing", "assertion"}, new String[] {"big", "body_too_large"}, new String[] {"loop", "redirects"},
        new String[] {"timeout", "timeout"}, new String[] {"connect", "connect"}, new String[] {"tls", "tls"},
        new String[] {"dns", "dns"});
    try (ExporterTestKit kit = start(config)) {
      for (String[] journey : expected) {
        assertThat(kit.get("/probe?journey=" + journey[0]).statusCode()).isEqualTo(200);
      }
      Scrape scrape = kit.scrape();
      for (String[] journey : expected) {
        assertThat(scrape.value("saypro_journey_step_failures_total", "journey", journey[0], "step", "s", "reason", journey[1]))
            .as(journey[0]).isEqualTo(1.0);
        assertThat(scrape.find("saypro_journey_step_failures_total", "journey", journey[0], "step", "s").stream()
            .mapToDouble(Scrape.Sample::value).sum()).as(journey[0] + " counted once").isEqualTo(1.0);
        assertThat(scrape.value("saypro_journey_failures_total", "journey", journey[0])).isEqualTo(1.0);
      }
      // a step after a failed one does not run and is not an attempt
      assertThat(scrape.value("saypro_journey_step_attempts_total", "journey", "status", "step", "after")).isEqualTo(0.0);
      assertThat(scrape.value("saypro_journey_step_last_status_code", "journey", "status", "step", "s")).isEqualTo(503.0);
    }
  }

  @Test
  void theResolvePhaseIsMeasuredAgainstARealDnsServer() throws Exception {
    String config = """
          - name: named
            scheduled: false
            steps: [{name: s, url: 'http://shop.test:%d/ok'}]
        """.formatted(site.httpPort());
    try (ExporterTestKit kit = start(config)) {
      dns.delay(Duration.ofMillis(150));
      Scrape result;
      try {
        result = Scrape.parse(kit.get("/probe?journey=named").body());
      } finally {
        dns.delay(Duration.ZERO);
      }
      assertThat(result.value("saypro_probe_success")).isEqualTo(1.0);
      assertThat(result.value("saypro_probe_step_phase_seconds", "step", "s", "phase", "resolve")).isBetween(0.150, 1.0);
      assertThat(result.value("saypro_probe_step_phase_seconds", "step", "s", "phase", "connect")).isLessThan(0.150);
    }
  }

  @Test
  void phasesAndHistogramsReachTheScrape() throws Exception {
    String config = """
          - name: delayed
            scheduled: false
            steps: [{name: s, url: '%s'}]
        """.formatted(site.http("/delay?ms=200"));
    try (ExporterTestKit kit = start(config)) {
      kit.get("/probe?journey=delayed");
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_journey_step_phase_seconds", "journey", "delayed", "step", "s", "phase", "processing"))
          .isBetween(0.2, 2.0);
      assertThat(scrape.value("saypro_journey_step_phase_seconds", "journey", "delayed", "step", "s", "phase", "tls")).isZero();
      List<String> bounds = scrape.find("saypro_journey_duration_seconds_bucket", "journey", "delayed").stream()
          .map(sample -> sample.labels().get("le")).toList();
      assertThat(bounds).contains("0.1", "0.25", "0.5", "1.0", "2.5", "+Inf");
      assertThat(scrape.value("saypro_journey_duration_seconds_bucket", "journey", "delayed", "le", "0.1")).isZero();
      assertThat(scrape.value("saypro_journey_duration_seconds_bucket", "journey", "delayed", "le", "2.5")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_journey_duration_seconds_count", "journey", "delayed")).isEqualTo(1.0);
      Promtool.Result lint = Promtool.checkMetrics(scrape.text());
      assertThat(lint.exitCode()).as(lint.output()).isZero();
    }
  }

  @Test
  void scheduledJourneysRunInTheBackground() throws Exception {
    String config = """
          - name: background
            interval: 200ms
            steps: [{name: s, url: '%s'}]
        """.formatted(site.http("/ok"));
    try (ExporterTestKit kit = start(config)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      double attempts = 0;
      while (attempts < 3 && System.nanoTime() < deadline) {
        attempts = kit.scrape().maybe("saypro_journey_attempts_total", "journey", "background").orElse(0);
        Thread.onSpinWait();
      }
      assertThat(attempts).isGreaterThanOrEqualTo(3.0);
      assertThat(kit.scrape().value("saypro_journey_last_success", "journey", "background")).isEqualTo(1.0);
    }
  }

  @Test
  void probeAcceptsOnlyConfiguredNamesAndNeverEchoesTheQuery() throws Exception {
    String config = """
          - {name: home, scheduled: false, steps: [{name: s, url: '%s'}]}
        """.formatted(site.http("/ok"));
    try (ExporterTestKit kit = start(config)) {
      HttpResponse<String> unknown = kit.get("/probe?journey=%3Cscript%3Ealert(1)%3C/script%3E");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).doesNotContain("<script").doesNotContain("alert").contains("home");
      assertThat(kit.get("/probe").statusCode()).isEqualTo(400);
      assertThat(kit.get("/probe?journey=home&check=x").statusCode()).isEqualTo(400);
      assertThat(kit.post("/probe?journey=home").statusCode()).isEqualTo(405);
      HttpResponse<String> debug = kit.get("/probe?journey=home&debug=true");
      assertThat(debug.statusCode()).isEqualTo(200);
      assertThat(debug.body()).startsWith("journey home: succeeded").contains("step s: ok, status 200");
    }
  }
}
