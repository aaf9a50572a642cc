package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.network.testing.Listener;
import com.saypro.monitor.network.testing.TestDnsServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * {@code /probe?target=NAME} reaches configured targets only, on their pinned addresses only: no
 * address in the query string, in any spelling, and no new address a second DNS answer names.
 */
class ProbeEndpointTest {
  @Test
  void configuredNameIsProbedNowWithThatBurstsMetrics() throws Exception {
    try (Listener listener = new Listener("127.0.0.1", 0);
        ExporterTestKit kit = start("""
            latency:
              targets:
                - name: shop
                  host: 127.0.0.1
                  port: %d
                  count: 3
                  spacing: 0s
                  interval: 1h
            """.formatted(listener.port()))) {
      Await.until("the background burst", Duration.ofSeconds(20), () -> listener.accepted() == 3);
      HttpResponse<String> response = kit.get("/probe?target=shop");
      assertThat(response.statusCode()).isEqualTo(200);
      Scrape probe = Scrape.parse(response.body());
      assertThat(probe.value("saypro_network_probe_success", "target", "shop")).isEqualTo(1);
      assertThat(probe.value("saypro_network_probe_rtt_seconds_count", "target", "shop", "address", "127.0.0.1")).isEqualTo(3);
      assertThat(listener.accepted()).isEqualTo(6);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "127.0.0.2", "2130706433", "0x7f000001", "127.1", "%3A%3Affff%3A127.0.0.1", "%5B%3A%3A1%5D",
      "169.254.169.254", "fe80%3A%3A1", "SHOP", "shop%20", "shop.", "localhost", ""})
  void anythingButAConfiguredNameIsRefusedWithoutEchoAndWithoutAConnection(String target) throws Exception {
    try (Listener listener = new Listener("127.0.0.1", 0);
        Listener alias = new Listener("127.0.0.2", listener.port());
        ExporterTestKit kit = start("""
            latency:
              targets:
                - name: shop
                  host: 127.0.0.1
                  port: %d
                  count: 1
                  interval: 1h
            """.formatted(listener.port()))) {
      Await.until("the background burst", Duration.ofSeconds(20), () -> listener.accepted() == 1);
      HttpResponse<String> response = kit.get("/probe?target=" + target);
      assertThat(response.statusCode()).isEqualTo(400);
      if (!target.isEmpty()) {
        assertThat(response.body()).doesNotContain(java.net.URLDecoder.decode(target, java.nio.charset.StandardCharsets.UTF_8).trim() + " ");
      }
      assertThat(listener.accepted()).isEqualTo(1);
      assertThat(alias.accepted()).isZero();
    }
  }

  @Test
  void twoTargetParametersAreRefused() throws Exception {
    try (Listener listener = new Listener("127.0.0.1", 0);
        ExporterTestKit kit = start("""
            latency:
              targets:
                - {name: shop, host: 127.0.0.1, port: %d, count: 1, interval: 1h}
            """.formatted(listener.port()))) {
      assertThat(kit.get("/probe?target=shop&target=shop").statusCode()).isEqualTo(400);
      assertThat(kit.get("/probe").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aNameThatResolvesToANewAddressLaterNeverReachesIt() throws Exception {
    try (TestDnsServer dns = new TestDnsServer();
        Listener first = new Listener("127.0.0.1", 0);
        Listener rebound = new Listener("127.0.0.3", first.port())) {
      dns.set("shop.saypro.test.", Type.A, "127.0.0.1");
      try (ExporterTestKit kit = start("""
            dns:
              resolvers:
                - {name: test, address: "%s"}
            latency:
              targets:
                - name: shop
                  host: shop.saypro.test
                  resolver: test
                  port: %d
                  count: 2
                  spacing: 0s
                  interval: 1h
            """.formatted(dns.address(), first.port()))) {
        Await.until("the first burst on the first address", Duration.ofSeconds(20), () -> first.accepted() == 2);
        dns.set("shop.saypro.test.", Type.A, "127.0.0.3");
        HttpResponse<String> response = kit.get("/probe?target=shop");
        Scrape probe = Scrape.parse(response.body());
        assertThat(probe.value("saypro_network_probe_success", "target", "shop")).isZero();
        assertThat(probe.value("saypro_network_probe_refused_addresses", "target", "shop")).isEqualTo(1);
        assertThat(rebound.accepted()).isZero();

        // both addresses in the answer: only the pinned one is probed
        dns.set("shop.saypro.test.", Type.A, "127.0.0.3", "127.0.0.1");
        probe = Scrape.parse(kit.get("/probe?target=shop").body());
        assertThat(probe.value("saypro_network_probe_success", "target", "shop")).isEqualTo(1);
        assertThat(probe.value("saypro_network_probe_refused_addresses", "target", "shop")).isEqualTo(1);
        assertThat(probe.maybe("saypro_network_probe_sent_total", "target", "shop", "address", "127.0.0.3")).isEmpty();
        assertThat(rebound.accepted()).isZero();
        assertThat(first.accepted()).isEqualTo(4);
      }
    }
  }

  @Test
  void linkLocalAnswersAreNotProbed() throws Exception {
    try (TestDnsServer dns = new TestDnsServer()) {
      dns.set("meta.saypro.test.", Type.A, "169.254.169.254");
      try (ExporterTestKit kit = start("""
            dns:
              resolvers:
                - {name: test, address: "%s"}
            latency:
              targets:
                - {name: meta, host: meta.saypro.test, resolver: test, port: 80, count: 1, interval: 1h}
            """.formatted(dns.address()))) {
        Scrape probe = Scrape.parse(kit.get("/probe?target=meta").body());
        assertThat(probe.value("saypro_network_probe_success", "target", "meta")).isZero();
        assertThat(probe.value("saypro_network_probe_refused_addresses", "target", "meta")).isEqualTo(1);
        assertThat(probe.maybe("saypro_network_probe_sent_total", "target", "meta", "address", "169.254.169.254")).isEmpty();
      }
    }
  }

  private static ExporterTestKit start(String config) throws Exception {
    return ExporterTestKit.builder(new NetworkExporter()).config(config).start();
  }
}
