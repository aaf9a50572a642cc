package com.saypro.monitor.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.marketplace.testing.TestCertificates;
import com.saypro.monitor.marketplace.testing.TestDnsServer;
import com.saypro.monitor.marketplace.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Availability checks end to end, against a real test site and a real DNS server on loopback. */
class AvailabilityExporterTest {
  private static TestCertificates certificates;
  private static TestSite site;
  private static TestDnsServer dns;
  private static Path caFile;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(Duration.ofDays(42));
    site = TestSite.start("127.0.0.1", certificates);
    // two addresses; the site listens on the first only, so the second is down
    dns = new TestDnsServer().add("shop.test", "127.0.0.1", "127.0.0.2");
    caFile = certificates.writeCa(Files.createTempDirectory("ca-").resolve("ca.pem"));
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
    dns.close();
  }

  private static ExporterTestKit start(String availability) throws Exception {
    return ExporterTestKit.builder(new MarketplaceExporter())
        .config("start_delay: 0s\ndns_server: " + dns.address() + "\navailability:\n" + availability)
        .start();
  }

  @Test
  void upDownStatusAndLatency() throws Exception {
    String config = """
          retry_delay: 10ms
          checks:
            - {name: shop, scheduled: false, url: '%s', expect: {body_matches: hello}}
            - {name: broken, scheduled: false, url: '%s'}
        """.formatted(site.http("/ok"), site.http("/status?code=500"));
    try (ExporterTestKit kit = start(config)) {
      assertThat(Scrape.parse(kit.get("/probe?check=shop").body()).value("saypro_probe_success")).isEqualTo(1.0);
      Scrape broken = Scrape.parse(kit.get("/probe?check=broken").body());
      assertThat(broken.value("saypro_probe_success")).isEqualTo(0.0);
      assertThat(broken.value("saypro_probe_failed", "address", "127.0.0.1", "reason", "status")).isEqualTo(1.0);

      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_availability_up", "check", "shop", "address", "127.0.0.1")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_availability_status_code", "check", "shop", "address", "127.0.0.1")).isEqualTo(200.0);
      assertThat(scrape.value("saypro_availability_latency_seconds", "check", "shop", "address", "127.0.0.1")).isPositive();
      assertThat(scrape.value("saypro_availability_up", "check", "broken", "address", "127.0.0.1")).isEqualTo(0.0);
      assertThat(scrape.value("saypro_availability_status_code", "check", "broken", "address", "127.0.0.1")).isEqualTo(500.0);
      assertThat(scrape.value("saypro_availability_failures_total", "check", "broken", "reason", "status")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_availability_checks_total", "check", "broken")).isEqualTo(1.0);
    }
  }

  @Test
  void aFailedAttemptIsRetriedOnceBeforeCountingAsDown() throws Exception {
    String config = """
          retry_delay: 10ms
          checks:
            - {name: blip, scheduled: false, url: '%s'}
            - {name: no_retry, scheduled: false, retries: 0, url: '%s'}
            - {name: outage, scheduled: false, url: '%s'}
        """.formatted(site.http("/flaky?key=blip&fail=1"), site.http("/flaky?key=no_retry&fail=1"),
            site.http("/flaky?key=outage&fail=5"));
    try (ExporterTestKit kit = start(config)) {
      int before = site.requests("/flaky");
      kit.get("/probe?check=blip");
      kit.get("/probe?check=no_retry");
      kit.get("/probe?check=outage");
      Scrape scrape = kit.scrape();
      // one failure then success: up, two attempts, one retry, not a failure
      assertThat(scrape.value("saypro_availability_up", "check", "blip", "address", "127.0.0.1")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_availability_attempts_total", "check", "blip")).isEqualTo(2.0);
      assertThat(scrape.value("saypro_availability_retries_total", "check", "blip")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_availability_failures_total", "check", "blip", "reason", "status")).isEqualTo(0.0);
      // retries: 0 turns the same blip into down
      assertThat(scrape.value("saypro_availability_up", "check", "no_retry", "address", "127.0.0.1")).isEqualTo(0.0);
      assertThat(scrape.value("saypro_availability_attempts_total", "check", "no_retry")).isEqualTo(1.0);
      // a real outage: two attempts, then down, counted once
      assertThat(scrape.value("saypro_availability_up", "check", "outage", "address", "127.0.0.1")).isEqualTo(0.0);
      assertThat(scrape.value("saypro_availability_attempts_total", "check", "outage")).isEqualTo(2.0);
      assertThat(scrape.value("saypro_availability_failures_total", "check", "outage", "reason", "status")).isEqualTo(1.0);
      assertThat(site.requests("/flaky") - before).isEqualTo(2 + 1 + 2);
    }
  }

  @Test
  void everyResolvedAddressIsCheckedOnItsOwn() throws Exception {
    String config = """
          retries: 0
          checks:
            - {name: shop, scheduled: false, all_addresses: true, url: 'http://shop.test:%d/ok'}
            - {name: one, scheduled: false, url: 'http://shop.test:%d/ok'}
        """.formatted(site.httpPort(), site.httpPort());
    try (ExporterTestKit kit = start(config)) {
      Scrape probe = Scrape.parse(kit.get("/probe?check=shop").body());
      assertThat(probe.value("saypro_probe_up", "address", "127.0.0.1")).isEqualTo(1.0);
      assertThat(probe.value("saypro_probe_up", "address", "127.0.0.2")).isEqualTo(0.0);
      assertThat(probe.value("saypro_probe_failed", "address", "127.0.0.2", "reason", "connect")).isEqualTo(1.0);
      kit.get("/probe?check=one");
      Scrape scrape = kit.scrape();
      assertThat(scrape.find("saypro_availability_up", "check", "shop")).hasSize(2);
      assertThat(scrape.value("saypro_availability_up", "check", "shop", "address", "127.0.0.2")).isEqualTo(0.0);
      assertThat(scrape.value("saypro_availability_checks_total", "check", "shop")).isEqualTo(2.0);
      assertThat(scrape.value("saypro_availability_failures_total", "check", "shop", "reason", "connect")).isEqualTo(1.0);
      // without all_addresses: one series, for the address that answered
      assertThat(scrape.find("saypro_availability_up", "check", "one")).hasSize(1);
      assertThat(scrape.value("saypro_availability_up", "check", "one", "address", "127.0.0.1")).isEqualTo(1.0);
    }
  }

  @Test
  void aNameThatDoesNotResolveIsDownWithReasonDns() throws Exception {
    String config = """
          retries: 0
          checks:
            - {name: ghost, scheduled: false, all_addresses: true, url: 'http://ghost.test/'}
        """;
    try (ExporterTestKit kit = start(config)) {
      kit.get("/probe?check=ghost");
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_availability_up", "check", "ghost", "address", "")).isEqualTo(0.0);
      assertThat(scrape.value("saypro_availability_failures_total", "check", "ghost", "reason", "dns")).isEqualTo(1.0);
    }
  }

  @Test
  void theCertificateExpiryIsReadOnTheWay() throws Exception {
    String config = """
          checks:
            - name: secure
              scheduled: false
              url: '%s'
              tls: {ca_file: '%s'}
        """.formatted(site.https("/ok"), caFile);
    try (ExporterTestKit kit = start(config)) {
      kit.get("/probe?check=secure");
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_availability_up", "check", "secure", "address", "127.0.0.1")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_availability_tls_cert_expiry_timestamp_seconds", "check", "secure", "address", "127.0.0.1"))
          .isEqualTo((double) certificates.server().getNotAfter().toInstant().getEpochSecond());
    }
  }

  @Test
  void scheduledChecksRunInTheBackground() throws Exception {
    String config = """
          interval: 200ms
          checks:
            - {name: shop, url: '%s'}
        """.formatted(site.http("/ok"));
    try (ExporterTestKit kit = start(config)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      double checks = 0;
      while (checks < 2 && System.nanoTime() < deadline) {
        checks = kit.scrape().maybe("saypro_availability_checks_total", "check", "shop").orElse(0);
      }
      assertThat(checks).isGreaterThanOrEqualTo(2.0);
    }
  }
}
