package com.saypro.monitor.core.collect;

import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs an exporter's collectors for one scrape, all at once, under one deadline, and reports how
 * each did. Registered in the exporter's registry as a single {@link MultiCollector}, so client_java
 * serves its output in every format.
 *
 * <p>What client_java's registry lacks and this adds: a collector that throws, hangs or runs past
 * the deadline never turns the scrape into an HTTP 500 and never delays it past the deadline. Its
 * metrics are left out and {@code saypro_scrape_collector_success{collector}} is 0.
 *
 * <pre>
 * # TYPE saypro_scrape_collector_success gauge
 * saypro_scrape_collector_success{collector="connections"} 1.0
 * saypro_scrape_collector_success{collector="table_sizes"} 0.0
 * # TYPE saypro_scrape_collector_duration_seconds gauge
 * saypro_scrape_collector_duration_seconds{collector="connections"} 0.0031
 * </pre>
 */
public final class CollectorRuntime implements MultiCollector, AutoCloseable {
  public static final MetricDef SUCCESS =
      MetricDef.gauge(
          "saypro_scrape_collector_success",
          "1 if the collector's last collection served in this scrape succeeded, 0 if it failed or missed the deadline.",
          "collector");
  public static final MetricDef DURATION =
      MetricDef.gauge(
          "saypro_scrape_collector_duration_seconds",
          "How long the collector's collection served in this scrape took (until the deadline if it missed it).",
          "collector");
  public static final MetricDef CACHE_AGE =
      MetricDef.gauge(
          "saypro_scrape_collector_cache_age_seconds",
          "Age of the cached data served for a collector with a min_interval.",
          "collector");
  public static final MetricDef FAILURES =
      MetricDef.counter(
          "saypro_scrape_collector_failures_total",
          "Scrapes in which this collector reported success 0 (it failed, missed the deadline or was still running).",
          "collector");
  public static final MetricDef DEADLINE =
      MetricDef.gauge(
          "saypro_scrape_deadline_seconds",
          "Time the collectors were given in this scrape (from X-Prometheus-Scrape-Timeout-Seconds minus the offset).");

  /** The runtime's own metrics, for the catalogue. */
  public static final List<MetricDef> METRICS = List.of(SUCCESS, DURATION, CACHE_AGE, FAILURES, DEADLINE);

  private final Map<String, ManagedCollector> collectors;
  private final ScrapeDeadlinePolicy deadlinePolicy;
  private final Clock clock;
  private final CollectorWorkers workers;

  CollectorRuntime(
      List<ManagedCollector> collectors,
      ScrapeDeadlinePolicy deadlinePolicy,
      Clock clock,
      CollectorWorkers workers) {
    Map<String, ManagedCollector> byName = new LinkedHashMap<>();
    for (ManagedCollector collector : collectors) {
      byName.put(collector.spec().name(), collector);
    }
    this.collectors = byName;
    this.deadlinePolicy = deadlinePolicy;
    this.clock = clock;
    this.workers = workers;
  }

  @Override
  public MetricSnapshots collect() {
    return collect(name -> true, null);
  }

  @Override
  public MetricSnapshots collect(PrometheusScrapeRequest request) {
    return collect(name -> true, request);
  }

  @Override
  public MetricSnapshots collect(Predicate<String> includedNames, PrometheusScrapeRequest request) {
    String header =
        request instanceof PrometheusHttpRequest http ? http.getHeader(ScrapeDeadlinePolicy.HEADER) : null;
    return scrape(includedNames, deadlinePolicy.budget(header));
  }

  /** One scrape with the given time budget; public for exporters that serve probes. */
  public MetricSnapshots scrape(Predicate<String> includedNames, Duration budget) {
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    long deadlineNanos = startNanos + budget.toNanos();
    Instant deadline = start.plus(budget);

    Object scrape = new Object();
    Map<ManagedCollector, CompletableFuture<CollectionResult>> pending = new LinkedHashMap<>();
    for (ManagedCollector collector : collectors.values()) {
      if (collector.produces(includedNames)) {
        pending.put(collector, collector.fetch(deadline, scrape, workers.executor(), workers.timer()));
      }
    }

    MetricDef.Points success = SUCCESS.points();
    MetricDef.Points duration = DURATION.points();
    MetricDef.Points cacheAge = CACHE_AGE.points();
    List<MetricSnapshot> out = new ArrayList<>();
    for (Map.Entry<ManagedCollector, CompletableFuture<CollectionResult>> entry : pending.entrySet()) {
      ManagedCollector collector = entry.getKey();
      String name = collector.spec().name();
      CollectionResult result = await(entry.getValue(), deadlineNanos);
      if (result == null || !result.success()) {
        collector.scrapeFailed();
      }
      if (result == null) {
        success.add(0, name);
        duration.add((System.nanoTime() - startNanos) / 1e9, name);
        continue;
      }
      success.add(result.success() ? 1 : 0, name);
      duration.add(result.duration().toNanos() / 1e9, name);
      if (collector.settings().cached() && result.success()) {
        cacheAge.add(Math.max(0, Duration.between(result.finished(), clock.instant()).toNanos() / 1e9), name);
      }
      for (MetricSnapshot snapshot : result.snapshots()) {
        if (includedNames.test(snapshot.getMetadata().getPrometheusName())) {
          out.add(snapshot);
        }
      }
    }
    MetricDef.Points failures = FAILURES.points();
    for (ManagedCollector collector : collectors.values()) {
      failures.add(collector.failures(), collector.spec().name());
    }
    addIfWanted(out, includedNames, SUCCESS, success);
    addIfWanted(out, includedNames, DURATION, duration);
    addIfWanted(out, includedNames, CACHE_AGE, cacheAge);
    addIfWanted(out, includedNames, FAILURES, failures);
    addIfWanted(out, includedNames, DEADLINE, DEADLINE.points().add(budget.toNanos() / 1e9));
    return new MetricSnapshots(out);
  }

  private static void addIfWanted(
      List<MetricSnapshot> out, Predicate<String> includedNames, MetricDef def, MetricDef.Points points) {
    if (!points.isEmpty() && includedNames.test(def.snapshotName())) {
      out.add(points.build());
    }
  }

  private static CollectionResult await(CompletableFuture<CollectionResult> future, long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    try {
      return left <= 0 && !future.isDone() ? null : future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      return null;
    }
  }

  /** A view of each collector for the landing page, in declaration order. */
  public List<CollectorStatus> statuses() {
    List<CollectorStatus> out = new ArrayList<>();
    for (ManagedCollector collector : collectors.values()) {
      out.add(new CollectorStatus(
          collector.spec(),
          collector.settings(),
          collector.lastResult(),
          collector.runningSince(),
          collector.collections(),
          collector.failures()));
    }
    return out;
  }

  @Override
  public void close() {
    for (ManagedCollector collector : collectors.values()) {
      collector.close();
    }
  }

  /** One collector's state, as the landing page shows it. */
  public record CollectorStatus(
      CollectorSpec spec,
      CollectorSettings settings,
      CollectionResult last,
      Instant runningSince,
      long collections,
      long failures) {}
}
