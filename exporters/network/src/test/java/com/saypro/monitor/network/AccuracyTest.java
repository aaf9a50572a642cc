package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.network.testing.NetworkNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Latency, jitter and loss measured against known values injected on the path into a network
 * namespace (by {@code tc netem} or by the userspace TUN relay). The assertions compare what is measured with what was injected
 * (the feature's accuracy), with margins several standard deviations wide; nothing asserts how
 * long the test itself takes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccuracyTest {
  private NetworkNamespace ns;

  @BeforeAll
  void createNamespace() throws Exception {
    ns = NetworkNamespace.withDelayingLink();
  }

  @AfterAll
  void deleteNamespace() throws Exception {
    if (ns != null) {
      ns.close();
    }
  }

  private Scrape burst(int count, String timeout) throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            latency:
              targets:
                - name: far
                  host: %s
                  port: %d
                  count: %d
                  timeout: %s
                  spacing: 20ms
                  interval: 1h
            """.formatted(ns.address(), NetworkNamespace.PORT, count, timeout)).start()) {
      return Scrape.parse(kit.get("/probe?target=far", "X-Prometheus-Scrape-Timeout-Seconds", "120").body());
    }
  }

  private static double value(Scrape scrape, String metric) {
    return scrape.value(metric, "target", "far", "address", scrape.find("saypro_network_probe_sent_total").get(0).labels().get("address"));
  }

  @Test
  void injectedDelayIsMeasuredWithinTwoMilliseconds() throws Exception {
    // the path's own latency (the relay's userspace hops, or nothing for netem) is measured first
    // and taken off: what is checked is that the delay added on the path is what the probes add
    ns.impair(0, 0, 0);
    double baseline = value(burst(40, "1s"), "saypro_network_probe_rtt_median_seconds");
    ns.impair(20, 0, 0);
    Scrape scrape = burst(40, "1s");
    assertThat(value(scrape, "saypro_network_probe_loss_ratio")).isZero();
    assertThat(value(scrape, "saypro_network_probe_rtt_median_seconds") - baseline).isBetween(0.018, 0.022);
    assertThat(scrape.value("saypro_network_probe_rtt_seconds_bucket", "target", "far", "address", ns.address(), "le", "0.01"))
        .isZero();
  }

  @Test
  void injectedJitterIsMeasured() throws Exception {
    // jitter without a distribution is uniform in +-10 ms: consecutive differences average 6.7 ms.
    // The path's own variation (a busy machine, the relay's wake-ups) can only add to that.
    ns.impair(20, 10, 0);
    Scrape scrape = burst(60, "1s");
    assertThat(value(scrape, "saypro_network_probe_jitter_seconds")).isBetween(0.0045, 0.015);
    assertThat(value(scrape, "saypro_network_probe_rtt_median_seconds")).isBetween(0.015, 0.030);
  }

  @Test
  void injectedLossIsMeasured() throws Exception {
    // a dropped SYN is retransmitted after 1 s: with a 200 ms timeout every drop is a lost probe
    ns.impair(1, 0, 0.3);
    Scrape scrape = burst(120, "200ms");
    assertThat(value(scrape, "saypro_network_probe_loss_ratio")).isBetween(0.15, 0.45);
    assertThat(scrape.value("saypro_network_probe_success", "target", "far")).isEqualTo(1);
  }
}
