package com.saypro.monitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.demo.traffic.TrafficGenerator;
import com.saypro.monitor.demo.traffic.TrafficSummary;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The traffic generator browses and buys against a running demo and stops at its bounds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficGeneratorTest {
  private TestDatabase database;
  private RunningDemo demo;

  @BeforeAll
  void start() throws Exception {
    database = TestDatabase.postgres();
    demo = RunningDemo.start(database.settings(), Files.createTempDirectory("demo-traffic"));
  }

  @AfterAll
  void stop() throws Exception {
    demo.close();
    database.close();
  }

  @Test
  void stopsAtTheRequestCountAndBuys() throws Exception {
    TrafficSummary summary = generator(1.0).run(10, Duration.ofMinutes(2), 80); // 5 visitors, about 16 requests each
    assertThat(summary.total()).isEqualTo(80);
    assertThat(summary.count("home", 200)).isPositive();
    assertThat(summary.count("checkout", 201)).isPositive();
    assertThat(summary.count("payment", 200)).isPositive();
    assertThat(database.queryLong("SELECT COUNT(*) FROM payments WHERE status = 'succeeded'")).isPositive();
  }

  @Test
  void stopsAtTheDuration() throws Exception {
    TrafficSummary summary = generator(0.2).run(20, Duration.ofSeconds(1), 0);
    // 20 slots per second for one second: the pacer hands out at most 20
    assertThat(summary.total()).isBetween(1L, 20L);
  }

  private TrafficGenerator generator(double buyRatio) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new TrafficGenerator(demo.demo.frontUri(), http, buyRatio, 7);
  }
}
