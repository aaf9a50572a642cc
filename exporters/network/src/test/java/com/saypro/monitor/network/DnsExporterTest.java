package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.network.testing.Dnsmasq;
import com.saypro.monitor.network.testing.TestDnsServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * DNS checks against Debian's dnsmasq (the normal path, authoritative for saypro.test) and the
 * in-process server (wrong, truncated, slow answers, a stale SOA serial).
 */
class DnsExporterTest {
  private static final long SERIAL = 2026112401L;
  private static Dnsmasq dnsmasq;

  @BeforeAll
  static void startDnsmasq() throws Exception {
    dnsmasq = new Dnsmasq("saypro.test", SERIAL, "www.saypro.test,127.0.0.1", "api.saypro.test,127.0.0.5");
  }

  @AfterAll
  static void stopDnsmasq() throws Exception {
    dnsmasq.close();
  }

  private static Scrape awaitQuery(ExporterTestKit kit, String query) {
    Await.until("DNS check " + query, Duration.ofSeconds(20),
        () -> kit.scrape().maybe("saypro_network_dns_lookup_success", "query", query).isPresent());
    return kit.scrape();
  }

  @Test
  void realServerAnswersAsExpected() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            dns:
              resolvers:
                - {name: local, address: "%s"}
              queries:
                - {name: www, resolver: local, query: www.saypro.test, type: A, expect: [127.0.0.1]}
                - {name: api-wrong, resolver: local, query: api.saypro.test, expect: [127.0.0.6]}
                - {name: missing, resolver: local, query: nope.saypro.test}
            """.formatted(dnsmasq.address())).start()) {
      Scrape scrape = awaitQuery(kit, "www");
      String[] www = {"resolver", "local", "query", "www"};
      assertThat(scrape.value("saypro_network_dns_lookup_success", www)).isEqualTo(1);
      assertThat(scrape.value("saypro_network_dns_answer_match", www)).isEqualTo(1);
      assertThat(scrape.value("saypro_network_dns_answer_ttl_seconds", www)).isEqualTo(300);
      assertThat(scrape.value("saypro_network_dns_authenticated", www)).isZero();
      assertThat(scrape.value("saypro_network_dns_tcp_fallback", www)).isZero();
      assertThat(scrape.value("saypro_network_dns_response_code_info", "resolver", "local", "query", "www", "rcode", "NOERROR"))
          .isEqualTo(1);
      assertThat(scrape.value("saypro_network_dns_lookup_duration_seconds", www)).isPositive();
      assertThat(scrape.value("saypro_network_dns_exchange_seconds_count", www)).isPositive();
      scrape = awaitQuery(kit, "missing");
      scrape = awaitQuery(kit, "api-wrong");
      assertThat(scrape.value("saypro_network_dns_lookup_success", "query", "api-wrong")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_dns_answer_match", "query", "api-wrong")).isZero();
      assertThat(scrape.value("saypro_network_dns_lookup_success", "query", "missing")).isZero();
      assertThat(scrape.value("saypro_network_dns_response_code_info", "query", "missing", "rcode", "NXDOMAIN")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_dns_lookups_total", "query", "missing", "outcome", "failure")).isEqualTo(1);
    }
  }

  @Test
  void wrongTruncatedAuthenticatedAndSlowAnswers() throws Exception {
    try (TestDnsServer wrong = new TestDnsServer();
        TestDnsServer truncating = new TestDnsServer();
        TestDnsServer slow = new TestDnsServer()) {
      wrong.set("www.saypro.test.", Type.A, "10.9.9.9");
      truncating.set("big.saypro.test.", Type.TXT, "\"part one\"", "\"part two\"");
      truncating.truncateUdp(true);
      truncating.authenticated(true);
      slow.set("www.saypro.test.", Type.A, "127.0.0.1");
      slow.delay(Duration.ofSeconds(3));
      try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            dns:
              resolvers:
                - {name: wrong, address: "%s"}
                - {name: truncating, address: "%s"}
                - {name: slow, address: "%s"}
              queries:
                - {name: hijacked, resolver: wrong, query: www.saypro.test, expect: [127.0.0.1]}
                - {name: big, resolver: truncating, query: big.saypro.test, type: TXT, expect: ['"part one"', '"part two"']}
                - {name: sluggish, resolver: slow, query: www.saypro.test, timeout: 300ms, interval: 1h}
            """.formatted(wrong.address(), truncating.address(), slow.address())).start()) {
        Scrape scrape = awaitQuery(kit, "hijacked");
        assertThat(scrape.value("saypro_network_dns_lookup_success", "query", "hijacked")).isEqualTo(1);
        assertThat(scrape.value("saypro_network_dns_answer_match", "query", "hijacked")).isZero();

        scrape = awaitQuery(kit, "big");
        String[] big = {"resolver", "truncating", "query", "big"};
        assertThat(scrape.value("saypro_network_dns_tcp_fallback", big)).isEqualTo(1);
        assertThat(scrape.value("saypro_network_dns_lookup_success", big)).isEqualTo(1);
        assertThat(scrape.value("saypro_network_dns_answer_match", big)).isEqualTo(1);
        assertThat(scrape.value("saypro_network_dns_authenticated", big)).isEqualTo(1);
        assertThat(truncating.tcpQueries()).isPositive();

        scrape = awaitQuery(kit, "sluggish");
        String[] sluggish = {"resolver", "slow", "query", "sluggish"};
        assertThat(scrape.value("saypro_network_dns_lookup_success", sluggish)).isZero();
        assertThat(scrape.value("saypro_network_dns_response_code_info", "query", "sluggish", "rcode", "TIMEOUT")).isEqualTo(1);
        assertThat(scrape.maybe("saypro_network_dns_answer_ttl_seconds", sluggish)).isEmpty();
        assertThat(scrape.maybe("saypro_network_dns_exchange_seconds_count", sluggish)).isEmpty();
      }
    }
  }

  @Test
  void soaSerialsAgreeOrAStaleNameserverShows() throws Exception {
    try (TestDnsServer current = new TestDnsServer(); TestDnsServer stale = new TestDnsServer()) {
      current.soa("saypro.test.", SERIAL);
      stale.soa("saypro.test.", SERIAL - 100);
      try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            dns:
              zones:
                - zone: saypro.test
                  nameservers:
                    - {name: ns1, address: "%s"}
                    - {name: ns2, address: "%s"}
                - zone: saypro.test.stale
                  nameservers:
                    - {name: ns1, address: "%s"}
                    - {name: ns3, address: "%s"}
                    - {name: ns4, address: "127.0.0.1:1"}
            """.formatted(dnsmasq.address(), current.address(), dnsmasq.address(), stale.address())).start()) {
        Await.until("both zones checked", Duration.ofSeconds(20),
            () -> kit.scrape().find("saypro_network_dns_soa_serial_match").size() == 2);
        Scrape scrape = kit.scrape();
        assertThat(scrape.value("saypro_network_dns_soa_serial", "zone", "saypro.test", "nameserver", "ns1")).isEqualTo(SERIAL);
        assertThat(scrape.value("saypro_network_dns_soa_serial_match", "zone", "saypro.test")).isEqualTo(1);
        // the second zone is served by the same servers under another name: dnsmasq does not know
        // it, the stale server does not either, and ns4 does not answer at all
        assertThat(scrape.value("saypro_network_dns_soa_serial_match", "zone", "saypro.test.stale")).isZero();
        assertThat(scrape.value("saypro_network_dns_soa_check_success", "zone", "saypro.test.stale", "nameserver", "ns4")).isZero();
      }
    }
  }

  @Test
  void aNameserverWithAnOlderSerialBreaksAgreement() throws Exception {
    try (TestDnsServer stale = new TestDnsServer()) {
      stale.soa("saypro.test.", SERIAL - 1);
      try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            dns:
              zones:
                - zone: saypro.test
                  nameservers:
                    - {name: ns1, address: "%s"}
                    - {name: ns2, address: "%s"}
            """.formatted(dnsmasq.address(), stale.address())).start()) {
        Await.until("the zone checked", Duration.ofSeconds(20),
            () -> kit.scrape().maybe("saypro_network_dns_soa_serial_match", "zone", "saypro.test").isPresent());
        Scrape scrape = kit.scrape();
        assertThat(scrape.value("saypro_network_dns_soa_serial", "zone", "saypro.test", "nameserver", "ns1")).isEqualTo(SERIAL);
        assertThat(scrape.value("saypro_network_dns_soa_serial", "zone", "saypro.test", "nameserver", "ns2")).isEqualTo(SERIAL - 1);
        assertThat(scrape.value("saypro_network_dns_soa_serial_match", "zone", "saypro.test")).isZero();
      }
    }
  }
}
