package com.saypro.monitor.marketplace;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.marketplace.availability.CheckResult;
import com.saypro.monitor.marketplace.availability.TargetResult;
import com.saypro.monitor.marketplace.http.PhaseTimings;
import com.saypro.monitor.marketplace.journey.JourneyResult;
import com.saypro.monitor.marketplace.journey.StepResult;
import java.util.List;
import java.util.Locale;

/**
 * What {@code /probe} answers: the metrics of that one run, in a fresh set (as blackbox_exporter
 * answers with a fresh registry per probe), or with {@code debug=true} a plain-text account of
 * each step.
 *
 * <pre>
 * saypro_probe_success 0.0
 * saypro_probe_duration_seconds 0.254
 * saypro_probe_step_success{step="pay"} 0.0
 * saypro_probe_step_failed{reason="status",step="pay"} 1.0
 * saypro_probe_step_phase_seconds{phase="processing",step="pay"} 0.201
 * </pre>
 */
final class ProbeOutput {
  static final MetricDef SUCCESS = MetricDef.gauge("saypro_probe_success", "1 if the journey or check succeeded.");
  static final MetricDef DURATION = MetricDef.gauge("saypro_probe_duration_seconds", "Duration of the whole probe.");
  static final MetricDef STEP_SUCCESS = MetricDef.gauge("saypro_probe_step_success", "1 if the step succeeded.", "step");
  static final MetricDef STEP_FAILED =
      MetricDef.gauge("saypro_probe_step_failed", "1 for the step that failed, with the reason.", "step", "reason");
  static final MetricDef STEP_DURATION = MetricDef.gauge("saypro_probe_step_duration_seconds", "Duration of the step.", "step");
  static final MetricDef STEP_STATUS = MetricDef.gauge("saypro_probe_step_status_code", "HTTP status of the step.", "step");
  static final MetricDef STEP_PHASE =
      MetricDef.gauge("saypro_probe_step_phase_seconds", "Time of each phase of the step's request.", "step", "phase");
  static final MetricDef UP = MetricDef.gauge("saypro_probe_up", "1 if the address answered as expected.", "address");
  static final MetricDef FAILED =
      MetricDef.gauge("saypro_probe_failed", "1 for an address found down, with the reason.", "address", "reason");
  static final MetricDef STATUS = MetricDef.gauge("saypro_probe_status_code", "HTTP status of the deciding attempt.", "address");
  static final MetricDef LATENCY = MetricDef.gauge("saypro_probe_latency_seconds", "Duration of the deciding attempt.", "address");
  static final MetricDef ATTEMPTS = MetricDef.gauge("saypro_probe_attempts", "Requests sent, retries included.", "address");
  static final MetricDef CERT_EXPIRY = MetricDef.gauge(
      "saypro_probe_tls_cert_expiry_timestamp_seconds", "Earliest notAfter of the presented chain (Unix time).", "address");

  static final List<MetricDef> METRICS = List.of(SUCCESS, DURATION, STEP_SUCCESS, STEP_FAILED, STEP_DURATION,
      STEP_STATUS, STEP_PHASE, UP, FAILED, STATUS, LATENCY, ATTEMPTS, CERT_EXPIRY);

  private ProbeOutput() {}

  static String journey(JourneyResult result) {
    ProbeText text = new ProbeText()
        .add(SUCCESS, result.success() ? 1 : 0)
        .add(DURATION, result.durationNanos() / 1e9);
    for (StepResult step : result.steps()) {
      text.add(STEP_SUCCESS, step.success() ? 1 : 0, step.step());
      step.failure().ifPresent(reason -> text.add(STEP_FAILED, 1, step.step(), reason.label()));
      text.add(STEP_DURATION, step.durationNanos() / 1e9, step.step());
      text.add(STEP_STATUS, step.status(), step.step());
      double[] seconds = step.phases().seconds();
      for (int i = 0; i < seconds.length; i++) {
        text.add(STEP_PHASE, seconds[i], step.step(), PhaseTimings.PHASES.get(i));
      }
    }
    return text.render();
  }

  static String check(CheckResult result) {
    ProbeText text = new ProbeText()
        .add(SUCCESS, result.up() ? 1 : 0)
        .add(DURATION, result.durationNanos() / 1e9);
    for (TargetResult target : result.targets()) {
      text.add(UP, target.up() ? 1 : 0, target.address());
      target.failure().ifPresent(reason -> text.add(FAILED, 1, target.address(), reason.label()));
      text.add(STATUS, target.status(), target.address());
      text.add(LATENCY, target.latencyNanos() / 1e9, target.address());
      text.add(ATTEMPTS, target.attempts(), target.address());
      target.certificateExpiry().ifPresent(at -> text.add(CERT_EXPIRY, at.getEpochSecond(), target.address()));
    }
    return text.render();
  }

  /** One line per step: what a person debugging the journey wants to read. */
  static String journeyDebug(JourneyResult result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "journey %s: %s in %.3f s%n", result.journey(),
        result.success() ? "succeeded" : "failed", result.durationNanos() / 1e9));
    for (StepResult step : result.steps()) {
      double[] s = step.phases().seconds();
      out.append(String.format(Locale.ROOT,
          "step %s: %s, status %d, %.3f s (resolve %.4f, connect %.4f, tls %.4f, processing %.4f, transfer %.4f)%s%n",
          step.step(), step.success() ? "ok" : "FAILED (" + step.failure().get().label() + ")", step.status(),
          step.durationNanos() / 1e9, s[0], s[1], s[2], s[3], s[4], step.success() ? "" : ": " + step.detail()));
    }
    return out.toString();
  }

  static String checkDebug(CheckResult result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "check %s: %s in %.3f s%n", result.check(), result.up() ? "up" : "down",
        result.durationNanos() / 1e9));
    for (TargetResult target : result.targets()) {
      out.append(String.format(Locale.ROOT, "address %s: %s, status %d, %.3f s, %d attempt(s)%s%n",
          target.address().isEmpty() ? "(none)" : target.address(),
          target.up() ? "up" : "DOWN (" + target.failure().get().label() + ")", target.status(),
          target.latencyNanos() / 1e9, target.attempts(), target.up() ? "" : ": " + target.detail()));
    }
    return out.toString();
  }
}
