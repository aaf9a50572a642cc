package com.saypro.monitor.core.web;

import com.saypro.monitor.core.collect.MetricDef;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests refused for lack of valid credentials, so brute forcing and a Prometheus with a
 * stale password both show up on a dashboard.
 *
 * <pre>
 * saypro_exporter_web_auth_failures_total{reason="invalid"} 3.0
 * saypro_exporter_web_auth_failures_total{reason="missing"} 1.0
 * </pre>
 */
public final class AuthFailures implements MultiCollector {
  public static final MetricDef AUTH_FAILURES =
      MetricDef.counter(
          "saypro_exporter_web_auth_failures_total",
          "Requests refused with 401 because basic auth credentials were missing (reason=missing) or wrong or malformed (reason=invalid).",
          "reason");

  public static final List<MetricDef> METRICS = List.of(AUTH_FAILURES);

  /** Why a request was refused. */
  enum Reason {
    MISSING,
    INVALID
  }

  private final AtomicLong missing = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();

  void record(Reason reason) {
    (reason == Reason.MISSING ? missing : invalid).incrementAndGet();
  }

  @Override
  public MetricSnapshots collect() {
    return MetricSnapshots.of(
        AUTH_FAILURES.points().add(invalid.get(), "invalid").add(missing.get(), "missing").build());
  }

  @Override
  public List<String> getPrometheusNames() {
    return METRICS.stream().map(MetricDef::snapshotName).toList();
  }
}
