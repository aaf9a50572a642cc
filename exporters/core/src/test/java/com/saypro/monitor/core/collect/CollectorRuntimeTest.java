package com.saypro.monitor.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class CollectorRuntimeTest {
  private final TestCollectors definition = new TestCollectors();

  @Test
  void theCollectionsOfOneScrapeShareItsIdentityAndAnotherScrapeHasItsOwn() throws Exception {
    List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Map<String, SayproCollector> instances = Map.of(
        "value", ctx -> {
          seen.add(ctx.scrape());
          return List.of(TestCollectors.VALUE.points().add(1, "x").build());
        },
        "series", ctx -> {
          seen.add(ctx.scrape());
          return List.of(TestCollectors.SERIES.points().add(1, "0").build());
        });
    try (CollectorWorkers workers = new CollectorWorkers();
        CollectorRuntime runtime = CollectorSet.defaults(definition.collectors())
            .runtime(instances, ScrapeDeadlinePolicy.DEFAULT, Clock.systemUTC(), workers)) {
      runtime.scrape(name -> true, Duration.ofSeconds(10));
      List<Object> first = List.copyOf(seen);
      seen.clear();
      runtime.scrape(name -> true, Duration.ofSeconds(10));
      List<Object> second = List.copyOf(seen);
      assertThat(first).hasSize(2);
      assertThat(second).hasSize(2);
      assertThat(first.get(0)).isSameAs(first.get(1));
      assertThat(second.get(0)).isSameAs(second.get(1));
      assertThat(first.get(0)).isNotSameAs(second.get(0));
    }
  }

  @Test
  void aThrowingAndAHangingCollectorLeaveTheScrapeIntactAndInTime() throws Exception {
    warmUp();
    String config = "collectors:\n  throws: {enabled: true}\n  hangs: {enabled: true}\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(definition).config(config).start()) {
      long start = System.nanoTime();
      HttpResponse<String> response =
          kit.get("/metrics", ScrapeDeadlinePolicy.HEADER, "1.5");
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(response.statusCode()).isEqualTo(200);
      // deadline = 1.5 s - 0.5 s offset = 1 s; the answer must come within deadline + 100 ms
      assertThat(tookMillis).isLessThan(1_000 + 100);
      Scrape scrape = Scrape.parse(response.body());
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "throws")).isZero();
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "hangs")).isZero();
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "value")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_test_value", "greeting", "hello")).isEqualTo(42.0);
      assertThat(scrape.value("saypro_scrape_collector_duration_seconds", "collector", "hangs"))
          .isBetween(0.9, 1.1);
      assertThat(scrape.find("saypro_test_hangs")).isEmpty();
      assertThat(scrape.find("saypro_test_throws")).isEmpty();
      assertThat(scrape.value("saypro_scrape_deadline_seconds")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_scrape_collector_failures_total", "collector", "hangs")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_scrape_collector_failures_total", "collector", "throws")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_scrape_collector_failures_total", "collector", "value")).isZero();
      definition.releaseHang.countDown();
    }
  }

  /** Loads the classes of a first scrape and logging, so the timed scrape measures the runtime. */
  private static void warmUp() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors())
        .config("collectors:\n  throws: {enabled: true}\n").start()) {
      for (int i = 0; i < 5; i++) {
        kit.scrape(ScrapeDeadlinePolicy.HEADER, "1.5");
      }
    }
  }

  @Test
  void aHungCollectorIsNotStartedTwice() throws Exception {
    String config = "collectors:\n  hangs: {enabled: true}\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(definition).config(config).start()) {
      kit.scrape(ScrapeDeadlinePolicy.HEADER, "0.8");
      Scrape second = kit.scrape(ScrapeDeadlinePolicy.HEADER, "0.8");
      assertThat(second.value("saypro_scrape_collector_success", "collector", "hangs")).isZero();
      assertThat(kit.get("/").body()).contains("running since");
      assertThat(definition.releaseHang.getCount()).isEqualTo(1);
      definition.releaseHang.countDown();
    }
  }

  @Test
  void anUndeclaredMetricFailsOnlyItsCollector() throws Exception {
    String config = "collectors:\n  undeclared: {enabled: true}\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(definition).config(config).start()) {
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "undeclared")).isZero();
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "value")).isEqualTo(1.0);
      assertThat(scrape.find("saypro_test_value")).hasSize(1);
    }
  }

  @Test
  void metricsDefinedByTheConfigAreAcceptedFromTheirCollector() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(definition).config("configured_metric: saypro_test_configured\n").start()) {
      Scrape scrape = kit.scrape();
      assertThat(scrape.value("saypro_test_configured")).isEqualTo(7.0);
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "value")).isEqualTo(1.0);
      assertThat(Scrape.parse(kit.get("/metrics?name[]=saypro_test_configured").body()).families())
          .containsExactly("saypro_test_configured");
    }
  }

  @Test
  void tenConcurrentScrapesOfACachedCollectorCauseOneCollection() throws Exception {
    String config = "collectors:\n  slow: {enabled: true, min_interval: 1m}\n";
    definition.slowFor = Duration.ofMillis(500);
    try (ExporterTestKit kit = ExporterTestKit.builder(definition).config(config).start()) {
      ExecutorService clients = Executors.newFixedThreadPool(10);
      List<CompletableFuture<Scrape>> scrapes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        scrapes.add(CompletableFuture.supplyAsync(kit::scrape, clients));
      }
      for (CompletableFuture<Scrape> scrape : scrapes) {
        Scrape result = scrape.get();
        assertThat(result.value("saypro_test_slow_total")).isEqualTo(1.0);
        assertThat(result.value("saypro_scrape_collector_success", "collector", "slow")).isEqualTo(1.0);
        assertThat(result.value("saypro_scrape_collector_cache_age_seconds", "collector", "slow")).isGreaterThanOrEqualTo(0.0);
      }
      clients.shutdown();
      assertThat(definition.slowCollections.get()).isEqualTo(1);
      // and a later scrape within min_interval is served from cache too
      assertThat(kit.scrape().value("saypro_test_slow_total")).isEqualTo(1.0);
      assertThat(definition.slowCollections.get()).isEqualTo(1);
    }
  }

  @Test
  void aCachedCollectionThatMissesTheDeadlineIsAFailureNotAStaleSuccess() throws Exception {
    String config = "collectors:\n  slow: {enabled: true, min_interval: 1m}\n";
    definition.slowFor = Duration.ofMillis(1500);
    try (ExporterTestKit kit = ExporterTestKit.builder(definition).config(config).start()) {
      Scrape first = kit.scrape(ScrapeDeadlinePolicy.HEADER, "1"); // 0.5 s budget
      assertThat(first.value("saypro_scrape_collector_success", "collector", "slow")).isZero();
      assertThat(first.find("saypro_test_slow_total")).isEmpty();
      // the collection goes on in the background; a later scrape gets its result
      Scrape later = kit.scrape(ScrapeDeadlinePolicy.HEADER, "10");
      assertThat(later.value("saypro_test_slow_total")).isEqualTo(1.0);
      assertThat(definition.slowCollections.get()).isEqualTo(1);
    }
  }

  @Test
  void nameFilterSkipsCollectorsWhoseMetricsAreNotAskedFor() throws Exception {
    String config = "collectors:\n  slow: {enabled: true}\n";
    definition.slowFor = Duration.ofMillis(1);
    try (ExporterTestKit kit = ExporterTestKit.builder(definition).config(config).start()) {
      HttpResponse<String> response = kit.get("/metrics?name[]=saypro_test_value");
      assertThat(response.statusCode()).isEqualTo(200);
      Scrape scrape = Scrape.parse(response.body());
      assertThat(scrape.families()).containsExactly("saypro_test_value");
      assertThat(definition.slowCollections.get()).isZero();
    }
  }

  @Test
  void aFinishedCollectionLeavesNoWatchdogHoldingItsSnapshots() throws Exception {
    // The watchdog that interrupts a collection at its deadline refers to the collection's result;
    // left queued until the deadline, it kept every scrape of the last 10 s in the heap.
    Map<String, SayproCollector> instances = Map.of(
        "value", ctx -> List.of(TestCollectors.VALUE.points().add(1, "x").build()),
        "series", ctx -> List.of(TestCollectors.SERIES.points().add(1, "0").build()));
    try (CollectorWorkers workers = new CollectorWorkers();
        CollectorRuntime runtime = CollectorSet.defaults(definition.collectors())
            .runtime(instances, ScrapeDeadlinePolicy.DEFAULT, Clock.systemUTC(), workers)) {
      runtime.scrape(name -> true, Duration.ofSeconds(10));

      BlockingQueue<Runnable> scheduled = ((ScheduledThreadPoolExecutor) workers.timer()).getQueue();
      // the watchdog is cancelled by the worker right after it completes the result
      Await.until("the watchdog to leave the timer queue", Duration.ofSeconds(2), scheduled::isEmpty);
      assertThat(scheduled).isEmpty();
    }
  }
}
