package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.core.testkit.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /proc/net/dev counters and utilisation against a configured link speed. */
class InterfaceCollectorTest {
  private static final String HEADER = """
      Inter-|   Receive                                                |  Transmit
       face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
      """;

  @Test
  void countersAndUtilisationSincePreviousScrape(@TempDir Path dir) throws Exception {
    Path dev = dir.resolve("dev");
    Files.writeString(dev, HEADER
        + "    lo:  1000  10  0  0  0  0  0  0  1000  10  0  0  0  0  0  0\n"
        + "  eth0: 5000000 4000 1 2 0 0 0 0 2000000 3000 3 4 0 0 0 0\n");
    MutableClock clock = MutableClock.startingNow();
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).clock(clock).config("""
            interfaces:
              exclude: '^lo$'
              speeds: {eth0: 8Mbit}
              proc_net_dev: %s
              speed_from_sysfs: false
            """.formatted(dev)).start()) {
      Scrape first = kit.scrape();
      assertThat(first.value("saypro_network_interface_receive_bytes_total", "interface", "eth0")).isEqualTo(5_000_000);
      assertThat(first.value("saypro_network_interface_transmit_packets_total", "interface", "eth0")).isEqualTo(3000);
      assertThat(first.value("saypro_network_interface_receive_errors_total", "interface", "eth0")).isEqualTo(1);
      assertThat(first.value("saypro_network_interface_receive_drops_total", "interface", "eth0")).isEqualTo(2);
      assertThat(first.value("saypro_network_interface_transmit_errors_total", "interface", "eth0")).isEqualTo(3);
      assertThat(first.value("saypro_network_interface_transmit_drops_total", "interface", "eth0")).isEqualTo(4);
      assertThat(first.value("saypro_network_interface_speed_bytes", "interface", "eth0")).isEqualTo(1_000_000);
      assertThat(first.maybe("saypro_network_interface_receive_bytes_total", "interface", "lo")).isEmpty();
      assertThat(first.find("saypro_network_interface_utilisation_ratio")).isEmpty();

      // 10 s later: 5 MB more received (0.5 MB/s of 1 MB/s), 1 MB more sent
      Files.writeString(dev, HEADER + "  eth0: 10000000 8000 1 2 0 0 0 0 3000000 4000 3 4 0 0 0 0\n");
      clock.advance(Duration.ofSeconds(10));
      Scrape second = kit.scrape();
      assertThat(second.value("saypro_network_interface_utilisation_ratio", "interface", "eth0", "direction", "receive"))
          .isEqualTo(0.5);
      assertThat(second.value("saypro_network_interface_utilisation_ratio", "interface", "eth0", "direction", "transmit"))
          .isEqualTo(0.1);

      // a counter that went backwards (driver reset) gives no rate for that interval
      Files.writeString(dev, HEADER + "  eth0: 100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0\n");
      clock.advance(Duration.ofSeconds(10));
      assertThat(kit.scrape().find("saypro_network_interface_utilisation_ratio")).isEmpty();
    }
  }

  @Test
  void theRealProcNetDevHasLoopback() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("interfaces: {include: '^lo$'}\n").start()) {
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_network_interface_receive_packets_total", "interface", "lo")).isPositive();
      assertThat(scrape.find("saypro_network_interface_receive_bytes_total")).hasSize(1);
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "interfaces")).isEqualTo(1);
    }
  }
}
