package com.saypro.monitor.incidents.metrics;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.incidents.silences.SilencePoller;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The polling of Alertmanager's silences (nothing when no {@code alertmanager} is configured). An
 * unreachable Alertmanager shows here, never as a crash.
 *
 * <pre>
 * saypro_incidents_silence_poll_success 1
 * saypro_incidents_silence_poll_failures_total 0
 * saypro_incidents_silence_last_success_timestamp_seconds 1.7969e9
 * saypro_incidents_silence_acknowledgements_total 7
 * </pre>
 */
public final class SilenceCollector implements SayproCollector {
  public static final MetricDef SUCCESS = MetricDef.gauge("saypro_incidents_silence_poll_success",
      "1 if the last poll of Alertmanager's silences succeeded.");
  public static final MetricDef FAILURES = MetricDef.counter("saypro_incidents_silence_poll_failures_total",
      "Polls of Alertmanager's silences that failed (no configured Alertmanager answered).");
  public static final MetricDef LAST_SUCCESS = MetricDef.gauge("saypro_incidents_silence_last_success_timestamp_seconds",
      "When silences were last read successfully; 0 if never.");
  public static final MetricDef ACKNOWLEDGED = MetricDef.counter("saypro_incidents_silence_acknowledgements_total",
      "Incidents acknowledged because a matching silence was found.");

  public static final CollectorSpec SPEC = CollectorSpec.of("silences",
      "Polling of Alertmanager's silences, which acknowledge incidents", SUCCESS, FAILURES, LAST_SUCCESS, ACKNOWLEDGED);

  private final Optional<SilencePoller> poller;

  public SilenceCollector(Optional<SilencePoller> poller) {
    this.poller = poller;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    if (poller.isEmpty()) {
      return List.of();
    }
    SilencePoller p = poller.get();
    return List.of(
        SUCCESS.points().add(p.lastPollSucceeded() ? 1 : 0).build(),
        FAILURES.points().add(p.failures()).build(),
        LAST_SUCCESS.points().add(p.lastSuccess().map(at -> at.toEpochMilli() / 1000.0).orElse(0.0)).build(),
        ACKNOWLEDGED.points().add(p.acknowledged()).build());
  }
}
