package com.saypro.monitor.incidents.metrics;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.incidents.store.IncidentDatabase;
import com.saypro.monitor.incidents.webhook.RequestStats;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * What the write endpoints received and what became of it, and how the store's writes went.
 *
 * <pre>
 * saypro_incidents_requests_total{endpoint="webhook",result="accepted"} 1520
 * saypro_incidents_requests_total{endpoint="webhook",result="unauthorized"} 2
 * saypro_incidents_alerts_received_total{status="firing"} 9120
 * saypro_incidents_store_commits_total 1490
 * saypro_incidents_store_failures_total 0
 * </pre>
 */
public final class ReceiverCollector implements SayproCollector {
  public static final MetricDef REQUESTS = MetricDef.counter("saypro_incidents_requests_total",
      "Requests to the webhook and acknowledge endpoints, by result (accepted, unauthorized, malformed, "
          + "unsupported_version, too_large, wrong_method, not_found, conflict, disabled, storage_failed).",
      "endpoint", "result");
  public static final MetricDef ALERTS = MetricDef.counter("saypro_incidents_alerts_received_total",
      "Alerts in accepted webhook notifications, by status (repeats included).", "status");
  public static final MetricDef COMMITS = MetricDef.counter("saypro_incidents_store_commits_total",
      "Transactions committed by the store's writer (several notifications may share one).");
  public static final MetricDef FAILURES = MetricDef.counter("saypro_incidents_store_failures_total",
      "Transactions that failed; the notifications in them were answered 503 for Alertmanager to retry.");

  public static final CollectorSpec SPEC = CollectorSpec.of("receiver",
      "Webhook and acknowledge requests by result, and store writes", REQUESTS, ALERTS, COMMITS, FAILURES);

  private final RequestStats stats;
  private final IncidentDatabase database;

  public ReceiverCollector(RequestStats stats, IncidentDatabase database) {
    this.stats = stats;
    this.database = database;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    MetricDef.Points requests = REQUESTS.points();
    for (RequestStats.Endpoint endpoint : RequestStats.Endpoint.values()) {
      for (RequestStats.Result result : RequestStats.Result.values()) {
        requests.add(stats.get(endpoint, result), endpoint.label(), result.label());
      }
    }
    return List.of(
        requests.build(),
        ALERTS.points().add(stats.firingAlerts(), "firing").add(stats.resolvedAlerts(), "resolved").build(),
        COMMITS.points().add(database.commits()).build(),
        FAILURES.points().add(database.writeFailures()).build());
  }
}
