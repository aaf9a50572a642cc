package com.saypro.monitor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.network.testing.Listener;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A pool of three real local backends behind a service address; backends stop mid-test. */
class PoolExporterTest {
  @Test
  void losingBackendsShowsHealthyCountThenLostRedundancy() throws Exception {
    Listener a = new Listener("127.0.0.1", 0, 200);
    Listener b = new Listener("127.0.0.1", 0, 204);
    Listener c = new Listener("127.0.0.1", 0);
    Listener service = new Listener("127.0.0.1", 0, 200);
    try (ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            pools:
              - name: web
                service: {http: "http://127.0.0.1:%d/health"}
                interval: 100ms
                timeout: 500ms
                backends:
                  - {name: web1, http: "http://127.0.0.1:%d/health"}
                  - {name: web2, http: "http://127.0.0.1:%d/"}
                  - {name: web3, tcp: "127.0.0.1:%d"}
            """.formatted(service.port(), a.port(), b.port(), c.port())).start()) {
      Await.until("all three backends healthy", Duration.ofSeconds(20),
          () -> kit.scrape().maybe("saypro_network_pool_backends_healthy", "pool", "web").orElse(0) == 3);
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_network_pool_backends", "pool", "web")).isEqualTo(3);
      assertThat(scrape.value("saypro_network_pool_backends_required", "pool", "web")).isEqualTo(2);
      assertThat(scrape.value("saypro_network_pool_service_up", "pool", "web")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_pool_redundancy_lost", "pool", "web")).isZero();

      b.close();
      Await.until("web2 seen down", Duration.ofSeconds(20),
          () -> kit.scrape().value("saypro_network_pool_backend_up", "pool", "web", "backend", "web2") == 0);
      scrape = kit.scrape();
      assertThat(scrape.value("saypro_network_pool_backends_healthy", "pool", "web")).isEqualTo(2);
      assertThat(scrape.value("saypro_network_pool_redundancy_lost", "pool", "web")).isZero();
      assertThat(scrape.value("saypro_network_pool_service_up", "pool", "web")).isEqualTo(1);

      c.close();
      Await.until("web3 seen down", Duration.ofSeconds(20),
          () -> kit.scrape().value("saypro_network_pool_backend_up", "pool", "web", "backend", "web3") == 0);
      scrape = kit.scrape();
      assertThat(scrape.value("saypro_network_pool_backends_healthy", "pool", "web")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_pool_redundancy_lost", "pool", "web")).isEqualTo(1);
      assertThat(scrape.value("saypro_network_pool_backend_up", "pool", "web", "backend", "web1")).isEqualTo(1);

      service.close();
      Await.until("service seen down", Duration.ofSeconds(20),
          () -> kit.scrape().value("saypro_network_pool_service_up", "pool", "web") == 0);
    } finally {
      a.close();
      b.close();
      c.close();
      service.close();
    }
  }

  @Test
  void anHttpErrorStatusIsUnhealthyAndRequiredCanBeConfigured() throws Exception {
    try (Listener ok = new Listener("127.0.0.1", 0, 200);
        Listener failing = new Listener("127.0.0.1", 0, 503);
        ExporterTestKit kit = ExporterTestKit.builder(new NetworkExporter()).config("""
            pools:
              - name: api
                service: {tcp: "127.0.0.1:%d"}
                capacity: 1
                required: 1
                backends:
                  - {name: api1, http: "http://127.0.0.1:%d/"}
                  - {name: api2, http: "http://127.0.0.1:%d/"}
            """.formatted(ok.port(), ok.port(), failing.port())).start()) {
      Await.until("the pool checked", Duration.ofSeconds(20),
          () -> kit.scrape().maybe("saypro_network_pool_backends_healthy", "pool", "api").isPresent());
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_network_pool_backend_up", "pool", "api", "backend", "api2")).isZero();
      assertThat(scrape.value("saypro_network_pool_backends_required", "pool", "api")).isEqualTo(1);
      // one healthy backend left is lost redundancy even when one is all that is required
      assertThat(scrape.value("saypro_network_pool_redundancy_lost", "pool", "api")).isEqualTo(1);
    }
  }
}
