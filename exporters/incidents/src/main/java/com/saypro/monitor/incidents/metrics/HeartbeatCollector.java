package com.saypro.monitor.incidents.metrics;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.incidents.webhook.HeartbeatState;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alerting pipeline's own heartbeat: when the always-firing {@code Watchdog} alert was last
 * delivered. Alert on the age, and a silent Prometheus, Alertmanager or webhook is itself detected.
 *
 * <pre>
 * saypro_incidents_heartbeat_last_received_timestamp_seconds 1.7969e9
 * saypro_incidents_heartbeat_age_seconds 42.1
 * </pre>
 */
public final class HeartbeatCollector implements SayproCollector {
  public static final MetricDef LAST_RECEIVED = MetricDef.gauge("saypro_incidents_heartbeat_last_received_timestamp_seconds",
      "When a notification carrying the firing heartbeat alert (heartbeat_alertname) was last stored; 0 if never.");
  public static final MetricDef AGE = MetricDef.gauge("saypro_incidents_heartbeat_age_seconds",
      "Seconds since the heartbeat alert was last received (since the exporter started, if never).");

  public static final CollectorSpec SPEC = CollectorSpec.of("heartbeat",
      "Time since the always-firing Watchdog alert was last delivered", LAST_RECEIVED, AGE);

  private final HeartbeatState heartbeat;
  private final Instant started;

  public HeartbeatCollector(HeartbeatState heartbeat, Instant started) {
    this.heartbeat = heartbeat;
    this.started = started;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    Optional<Instant> last = heartbeat.lastSeen();
    Duration age = Duration.between(last.orElse(started), context.clock().instant());
    return List.of(
        LAST_RECEIVED.points().add(last.map(at -> at.toEpochMilli() / 1000.0).orElse(0.0)).build(),
        AGE.points().add(Math.max(0, age.toMillis()) / 1000.0).build());
  }
}
