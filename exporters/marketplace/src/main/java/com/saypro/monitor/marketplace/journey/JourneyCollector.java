package com.saypro.monitor.marketplace.journey;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.marketplace.http.FailureReason;
import com.saypro.monitor.marketplace.http.PhaseTimings;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * The journeys' counters, histograms and last run, from {@link JourneyStats} (the journeys run in
 * the background and on {@code /probe}; a scrape never waits for one). Failure counters exist for
 * every step and reason from the start, at 0, so {@code rate()} and SLO ratios work before the first
 * failure.
 *
 * <pre>
 * saypro_journey_attempts_total{journey="checkout"} 120.0
 * saypro_journey_failures_total{journey="checkout"} 3.0
 * saypro_journey_step_attempts_total{journey="checkout",step="pay"} 118.0
 * saypro_journey_step_failures_total{journey="checkout",reason="assertion",step="pay"} 2.0
 * saypro_journey_duration_seconds_bucket{journey="checkout",le="0.5"} 97
 * saypro_journey_step_duration_seconds_bucket{journey="checkout",step="pay",le="0.25"} 110
 * saypro_journey_last_success{journey="checkout"} 1.0
 * saypro_journey_last_duration_seconds{journey="checkout"} 0.412
 * saypro_journey_last_run_timestamp_seconds{journey="checkout"} 1.7640e9
 * saypro_journey_step_last_success{journey="checkout",step="pay"} 1.0
 * saypro_journey_step_last_status_code{journey="checkout",step="pay"} 200.0
 * saypro_journey_step_phase_seconds{journey="checkout",phase="processing",step="pay"} 0.201
 * </pre>
 */
public final class JourneyCollector implements SayproCollector {
  public static final MetricDef ATTEMPTS =
      MetricDef.counter("saypro_journey_attempts_total", "Runs of the journey, scheduled and on demand.", "journey");
  public static final MetricDef FAILURES =
      MetricDef.counter("saypro_journey_failures_total", "Runs of the journey in which a step failed.", "journey");
  public static final MetricDef STEP_ATTEMPTS =
      MetricDef.counter("saypro_journey_step_attempts_total",
          "Times the step ran (steps after a failed one do not run).", "journey", "step");
  public static final MetricDef STEP_FAILURES =
      MetricDef.counter("saypro_journey_step_failures_total",
          "Times the step failed, by reason: dns, connect, tls, timeout, status, body_too_large, redirects, assertion.",
          "journey", "step", "reason");
  public static final MetricDef DURATION =
      MetricDef.histogram("saypro_journey_duration_seconds", "Duration of whole runs of the journey, failed ones included.", "journey");
  public static final MetricDef STEP_DURATION =
      MetricDef.histogram("saypro_journey_step_duration_seconds",
          "Duration of the step's request, redirects included.", "journey", "step");
  public static final MetricDef LAST_SUCCESS =
      MetricDef.gauge("saypro_journey_last_success", "1 if the last run of the journey succeeded.", "journey");
  public static final MetricDef LAST_DURATION =
      MetricDef.gauge("saypro_journey_last_duration_seconds", "Duration of the last run of the journey.", "journey");
  public static final MetricDef LAST_RUN =
      MetricDef.gauge("saypro_journey_last_run_timestamp_seconds", "When the last run of the journey ended (Unix time).", "journey");
  public static final MetricDef STEP_LAST_SUCCESS =
      MetricDef.gauge("saypro_journey_step_last_success", "1 if the step succeeded in the last run that reached it.", "journey", "step");
  public static final MetricDef STEP_LAST_STATUS =
      MetricDef.gauge("saypro_journey_step_last_status_code",
          "HTTP status of the step's last response (0 when there was none).", "journey", "step");
  public static final MetricDef STEP_PHASE =
      MetricDef.gauge("saypro_journey_step_phase_seconds",
          "Time of each phase of the step's last request: resolve, connect, tls, processing (time to first byte), transfer.",
          "journey", "step", "phase");

  public static final List<MetricDef> METRICS = List.of(
      ATTEMPTS, FAILURES, STEP_ATTEMPTS, STEP_FAILURES, DURATION, STEP_DURATION,
      LAST_SUCCESS, LAST_DURATION, LAST_RUN, STEP_LAST_SUCCESS, STEP_LAST_STATUS, STEP_PHASE);

  private final JourneyStats stats;

  public JourneyCollector(JourneyStats stats) {
    this.stats = stats;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    MetricDef.Points attempts = ATTEMPTS.points();
    MetricDef.Points failures = FAILURES.points();
    MetricDef.Points stepAttempts = STEP_ATTEMPTS.points();
    MetricDef.Points stepFailures = STEP_FAILURES.points();
    MetricDef.Points duration = DURATION.points();
    MetricDef.Points stepDuration = STEP_DURATION.points();
    MetricDef.Points lastSuccess = LAST_SUCCESS.points();
    MetricDef.Points lastDuration = LAST_DURATION.points();
    MetricDef.Points lastRun = LAST_RUN.points();
    MetricDef.Points stepLastSuccess = STEP_LAST_SUCCESS.points();
    MetricDef.Points stepLastStatus = STEP_LAST_STATUS.points();
    MetricDef.Points stepPhase = STEP_PHASE.points();
    stats.forEach((journey, state) -> {
      attempts.add(state.attempts(), journey);
      failures.add(state.failures(), journey);
      duration.histogram(state.duration().upperBounds(), state.duration().counts(), state.duration().sum(), journey);
      JourneyResult last = state.last();
      if (last != null) {
        lastSuccess.add(last.success() ? 1 : 0, journey);
        lastDuration.add(last.durationNanos() / 1e9, journey);
        lastRun.add(last.finished().toEpochMilli() / 1e3, journey);
      }
      state.steps().forEach((step, stepState) -> {
        stepAttempts.add(stepState.attempts(), journey, step);
        for (FailureReason reason : FailureReason.values()) {
          stepFailures.add(stepState.failures(reason), journey, step, reason.label());
        }
        stepDuration.histogram(
            stepState.duration().upperBounds(), stepState.duration().counts(), stepState.duration().sum(), journey, step);
        StepResult lastStep = stepState.last();
        if (lastStep != null) {
          stepLastSuccess.add(lastStep.success() ? 1 : 0, journey, step);
          stepLastStatus.add(lastStep.status(), journey, step);
          double[] seconds = lastStep.phases().seconds();
          for (int i = 0; i < seconds.length; i++) {
            stepPhase.add(seconds[i], journey, step, PhaseTimings.PHASES.get(i));
          }
        }
      });
    });
    return java.util.stream.Stream.of(attempts, failures, stepAttempts, stepFailures, duration, stepDuration,
            lastSuccess, lastDuration, lastRun, stepLastSuccess, stepLastStatus, stepPhase)
        .filter(points -> !points.isEmpty())
        .map(MetricDef.Points::build)
        .toList();
  }
}
