package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.network.testing.Blackhole;
import com.saypro.monitor.network.testing.Listener;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TCP connect bursts against real listeners on loopback, read back through /metrics. */
class LatencyExporterTest {
  private static Scrape awaitBurst(ExporterTestKit kit, String target) {
    Await.until("a burst of " + target, Duration.ofSeconds(20),
        () -> kit.scrape().maybe("saypro_network_probe_success", "target", target).isPresent());
    return kit.scrape();
  }

  @Test
  void answeredBurstGivesHistogramWithTheSlaBucketNoLossAndJitter() throws Exception {
    try (Listener listener = new Listener("127.0.0.1", 0);
        ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            latency:
              targets:
                - name: shop
                  host: 127.0.0.1
                  port: %d
                  count: 4
                  spacing: 0s
                  interval: 1h
            """.formatted(listener.port())).start()) {
      Scrape scrape = awaitBurst(kit, "shop");
      assertThat(scrape.value("saypro_network_probe_success", "target", "shop")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_probe_rtt_seconds_count", "target", "shop", "address", "127.0.0.1")).isEqualTo(4);
      assertThat(scrape.value("saypro_network_probe_rtt_seconds_bucket", "target", "shop", "address", "127.0.0.1", "le", "0.1"))
          .isEqualTo(4);
      assertThat(scrape.value("saypro_network_probe_loss_ratio", "target", "shop", "address", "127.0.0.1")).isZero();
      assertThat(scrape.maybe("saypro_network_probe_jitter_seconds", "target", "shop", "address", "127.0.0.1")).isPresent();
      assertThat(scrape.value("saypro_network_probe_sent_total", "target", "shop", "address", "127.0.0.1")).isEqualTo(4);
      assertThat(scrape.value("saypro_network_probe_method_info", "target", "shop", "method", "tcp")).isEqualTo(1);
      assertThat(listener.accepted()).isEqualTo(4);
      assertThat(scrape.type("saypro_network_probe_rtt_seconds")).isEqualTo("histogram");
    }
  }

  @Test
  void closedPortIsAFailureWithReasonRefusedAndFullLoss() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            latency:
              targets:
                - name: gone
                  host: 127.0.0.1
                  port: %d
                  count: 3
                  interval: 1h
            """.formatted(closed)).start()) {
      Scrape scrape = awaitBurst(kit, "gone");
      assertThat(scrape.value("saypro_network_probe_success", "target", "gone")).isZero();
      assertThat(scrape.value("saypro_network_probe_loss_ratio", "target", "gone", "address", "127.0.0.1")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_probe_failures_total", "target", "gone", "address", "127.0.0.1", "reason", "refused"))
          .isEqualTo(3);
      assertThat(scrape.maybe("saypro_network_probe_jitter_seconds", "target", "gone", "address", "127.0.0.1")).isEmpty();
    }
  }

  @Test
  void unansweredProbesAreTimeoutsNotAHang() throws Exception {
    try (Blackhole hole = new Blackhole();
        ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            latency:
              targets:
                - name: void
                  host: 127.0.0.1
                  port: %d
                  count: 2
                  timeout: 300ms
                  interval: 1h
            """.formatted(hole.port())).start()) {
      Scrape scrape = awaitBurst(kit, "void");
      assertThat(scrape.value("saypro_network_probe_success", "target", "void")).isZero();
      assertThat(scrape.value("saypro_network_probe_loss_ratio", "target", "void", "address", "127.0.0.1")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_probe_failures_total", "target", "void", "address", "127.0.0.1", "reason", "timeout"))
          .isEqualTo(2);
      assertThat(scrape.value("saypro_network_probe_rtt_seconds_count", "target", "void", "address", "127.0.0.1")).isZero();
    }
  }

  @Test
  void icmpEchoWhereRawSocketsAreAllowed() throws Exception {
    // the test command runs as root (it installs packages); without CAP_NET_RAW this fails with the fix
    assertThat(com.saypro.monitor.network.latency.RawSockets.allowed())
        .as("this process may not open raw sockets: run the tests as root or grant CAP_NET_RAW").isTrue();
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            latency:
              targets:
                - {name: self, host: 127.0.0.1, method: icmp, count: 3, spacing: 0s, interval: 1h}
            """).start()) {
      Scrape scrape = awaitBurst(kit, "self");
      assertThat(scrape.value("saypro_network_probe_success", "target", "self")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_probe_rtt_seconds_count", "target", "self", "address", "127.0.0.1")).isEqualTo(3);
      assertThat(scrape.value("saypro_network_probe_method_info", "target", "self", "method", "icmp")).isEqualTo(1);
    }
  }

  @Test
  void reloadResolvesAndPinsAgain() throws Exception {
    try (com.saypro.monitor.network.testing.TestDnsServer dns = new com.saypro.monitor.network.testing.TestDnsServer();
        Listener first = new Listener("127.0.0.1", 0);
        Listener moved = new Listener("127.0.0.3", first.port())) {
      dns.set("shop.saypro.test.", org.xbill.DNS.Type.A, "127.0.0.1");
      String config = """
            dns:
              resolvers: [{name: test, address: "%s"}]
            latency:
              targets:
                - {name: shop, host: shop.saypro.test, resolver: test, port: %d, count: 1, interval: 1h}
            """.formatted(dns.address(), first.port());
      try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config(config).start()) {
        awaitBurst(kit, "shop");
        dns.set("shop.saypro.test.", org.xbill.DNS.Type.A, "127.0.0.3");
        assertThat(Scrape.parse(kit.get("/probe?target=shop").body())
            .value("saypro_network_probe_success", "target", "shop")).isZero();
        assertThat(moved.accepted()).isZero();

        // a planned move: the operator reloads, and the new address is pinned
        kit.rewriteConfig(config);
        assertThat(kit.post("/-/reload").statusCode()).isEqualTo(200);
        Await.until("the burst after the reload", Duration.ofSeconds(20), () -> moved.accepted() == 1);
        assertThat(Scrape.parse(kit.get("/probe?target=shop").body())
            .value("saypro_network_probe_success", "target", "shop")).isEqualTo(1);
        assertThat(moved.accepted()).isEqualTo(2);
      }
    }
  }
}
