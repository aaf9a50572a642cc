package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The embedded defaults start on a fresh machine and serve every collector. */
class DefaultConfigTest {
  @Test
  void embeddedDefaultsStartAndEveryCollectorSucceeds() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).start()) {
      Await.until("the first bursts", Duration.ofSeconds(30),
          () -> kit.scrape().find("saypro_network_probe_success").size() == 3);
      Scrape scrape = kit.scrape();
      for (String collector : new String[] {"latency", "dns", "interfaces", "pools"}) {
        assertThat(scrape.value("saypro_scrape_collector_success", "collector", collector)).as(collector).isEqualTo(1);
      }
      assertThat(scrape.value("saypro_network_interface_receive_bytes_total", "interface", "lo")).isPositive();
      assertThat(scrape.maybe("saypro_network_probe_method_info", "target", "postgresql", "method", "tcp")).isPresent();
      assertThat(kit.get("/").body()).contains("target postgresql: tcp 127.0.0.1:5432");
    }
  }
}
