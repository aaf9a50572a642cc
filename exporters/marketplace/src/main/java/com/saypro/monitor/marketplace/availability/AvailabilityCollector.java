package com.saypro.monitor.marketplace.availability;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.marketplace.http.FailureReason;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.stream.Stream;

/**
 * Up or down, status, latency and certificate expiry of every critical service, from the last run
 * of each check (checks run in the background and on {@code /probe?check=NAME}), plus counters for
 * availability SLOs. A target is down only when its last attempt, after the retries, failed.
 *
 * <pre>
 * saypro_availability_up{address="127.0.0.1",check="gateway"} 1.0
 * saypro_availability_status_code{address="127.0.0.1",check="gateway"} 200.0
 * saypro_availability_latency_seconds{address="127.0.0.1",check="gateway"} 0.0021
 * saypro_availability_tls_cert_expiry_timestamp_seconds{address="10.0.0.5",check="front"} 1.79e9
 * saypro_availability_last_check_timestamp_seconds{check="gateway"} 1.7640e9
 * saypro_availability_checks_total{check="gateway"} 240.0
 * saypro_availability_failures_total{check="gateway",reason="connect"} 1.0
 * saypro_availability_attempts_total{check="gateway"} 243.0
 * saypro_availability_retries_total{check="gateway"} 3.0
 * saypro_availability_request_duration_seconds_bucket{check="gateway",le="0.1"} 239
 * </pre>
 */
public final class AvailabilityCollector implements SayproCollector {
  public static final MetricDef UP =
      MetricDef.gauge("saypro_availability_up", "1 if the service answered as expected at its last check (after retries).",
          "check", "address");
  public static final MetricDef STATUS =
      MetricDef.gauge("saypro_availability_status_code", "HTTP status of the last check's deciding attempt (0: no response).",
          "check", "address");
  public static final MetricDef LATENCY =
      MetricDef.gauge("saypro_availability_latency_seconds", "Duration of the last check's deciding attempt.", "check", "address");
  public static final MetricDef CERT_EXPIRY =
      MetricDef.gauge("saypro_availability_tls_cert_expiry_timestamp_seconds",
          "Earliest notAfter of the certificate chain the service presented (Unix time).", "check", "address");
  public static final MetricDef LAST_CHECK =
      MetricDef.gauge("saypro_availability_last_check_timestamp_seconds", "When the check last ran (Unix time).", "check");
  public static final MetricDef CHECKS =
      MetricDef.counter("saypro_availability_checks_total", "Targets checked (one per address per run).", "check");
  public static final MetricDef FAILURES =
      MetricDef.counter("saypro_availability_failures_total",
          "Targets found down after their retries, by reason: dns, connect, tls, timeout, status, body_too_large, redirects, assertion.",
          "check", "reason");
  public static final MetricDef ATTEMPTS =
      MetricDef.counter("saypro_availability_attempts_total", "Requests sent, retries included.", "check");
  public static final MetricDef RETRIES =
      MetricDef.counter("saypro_availability_retries_total", "Attempts that were retries of a failed one.", "check");
  public static final MetricDef DURATION =
      MetricDef.histogram("saypro_availability_request_duration_seconds", "Duration of each target's deciding attempt.", "check");

  public static final List<MetricDef> METRICS =
      List.of(UP, STATUS, LATENCY, CERT_EXPIRY, LAST_CHECK, CHECKS, FAILURES, ATTEMPTS, RETRIES, DURATION);

  private final AvailabilityStats stats;

  public AvailabilityCollector(AvailabilityStats stats) {
    this.stats = stats;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    MetricDef.Points up = UP.points();
    MetricDef.Points status = STATUS.points();
    MetricDef.Points latency = LATENCY.points();
    MetricDef.Points expiry = CERT_EXPIRY.points();
    MetricDef.Points lastCheck = LAST_CHECK.points();
    MetricDef.Points checks = CHECKS.points();
    MetricDef.Points failures = FAILURES.points();
    MetricDef.Points attempts = ATTEMPTS.points();
    MetricDef.Points retries = RETRIES.points();
    MetricDef.Points duration = DURATION.points();
    stats.forEach((check, state) -> {
      checks.add(state.checks(), check);
      attempts.add(state.attempts(), check);
      retries.add(state.retries(), check);
      for (FailureReason reason : FailureReason.values()) {
        failures.add(state.failures(reason), check, reason.label());
      }
      duration.histogram(state.latency().upperBounds(), state.latency().counts(), state.latency().sum(), check);
      CheckResult last = state.last();
      if (last == null) {
        return;
      }
      lastCheck.add(last.finished().toEpochMilli() / 1e3, check);
      for (TargetResult target : last.targets()) {
        up.add(target.up() ? 1 : 0, check, target.address());
        status.add(target.status(), check, target.address());
        latency.add(target.latencyNanos() / 1e9, check, target.address());
        target.certificateExpiry().ifPresent(at -> expiry.add(at.getEpochSecond(), check, target.address()));
      }
    });
    return Stream.of(up, status, latency, expiry, lastCheck, checks, failures, attempts, retries, duration)
        .filter(points -> !points.isEmpty())
        .map(MetricDef.Points::build)
        .toList();
  }
}
