package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.MetricDef;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The exporter's metrics about itself: what build runs, and how its config reloads went.
 *
 * <pre>
 * saypro_exporter_build_info{exporter="database",revision="9216296",version="0.1.0"} 1
 * saypro_exporter_config_last_reload_successful 1.0
 * saypro_exporter_config_last_reload_success_timestamp_seconds 1.79e9
 * saypro_exporter_config_reload_failures_total 0.0
 * saypro_exporter_start_time_seconds 1.79e9
 * </pre>
 */
public final class SelfMetrics implements MultiCollector {
  public static final MetricDef BUILD_INFO =
      MetricDef.info(
          "saypro_exporter_build_info",
          "Which exporter, version and source revision this process runs; always 1.",
          "exporter", "version", "revision");
  public static final MetricDef RELOAD_SUCCESSFUL =
      MetricDef.gauge(
          "saypro_exporter_config_last_reload_successful",
          "1 if the last config load (start or reload) succeeded; 0 if it failed and the previous config is still running.");
  public static final MetricDef RELOAD_SUCCESS_TIME =
      MetricDef.gauge(
          "saypro_exporter_config_last_reload_success_timestamp_seconds",
          "When the running config was loaded, in seconds since the epoch.");
  public static final MetricDef RELOAD_FAILURES =
      MetricDef.counter(
          "saypro_exporter_config_reload_failures_total",
          "Reloads refused because the new config (or web config) was invalid; the previous one kept running.");
  public static final MetricDef START_TIME =
      MetricDef.gauge(
          "saypro_exporter_start_time_seconds", "When the exporter started, in seconds since the epoch.");

  public static final List<MetricDef> METRICS =
      List.of(BUILD_INFO, RELOAD_SUCCESSFUL, RELOAD_SUCCESS_TIME, RELOAD_FAILURES, START_TIME);

  private final String exporter;
  private final BuildInfo build;
  private final Clock clock;
  private final Instant started;
  private final AtomicReference<Instant> lastSuccess;
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean lastSuccessful = true;

  public SelfMetrics(String exporter, BuildInfo build, Clock clock) {
    this.exporter = exporter;
    this.build = build;
    this.clock = clock;
    this.started = clock.instant();
    this.lastSuccess = new AtomicReference<>(started);
  }

  public void reloadSucceeded() {
    lastSuccessful = true;
    lastSuccess.set(clock.instant());
  }

  public void reloadFailed() {
    lastSuccessful = false;
    failures.incrementAndGet();
  }

  public long reloadFailures() {
    return failures.get();
  }

  @Override
  public MetricSnapshots collect() {
    return MetricSnapshots.of(
        BUILD_INFO.points().add(1, exporter, build.version(), build.revision()).build(),
        RELOAD_SUCCESSFUL.points().add(lastSuccessful ? 1 : 0).build(),
        RELOAD_SUCCESS_TIME.points().add(seconds(lastSuccess.get())).build(),
        RELOAD_FAILURES.points().add(failures.get()).build(),
        START_TIME.points().add(seconds(started)).build());
  }

  @Override
  public List<String> getPrometheusNames() {
    return METRICS.stream().map(MetricDef::snapshotName).toList();
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
