package com.saypro.monitor.incidents.metrics;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.incidents.sla.FiguresView;
import com.saypro.monitor.incidents.sla.IncidentFigures;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * How many incidents there are and how long the oldest has waited for a response, per severity and
 * team (label values bounded by the config). From in-memory figures: no store access at scrape.
 *
 * <pre>
 * saypro_incidents_created_total{severity="critical",team="payments"} 12
 * saypro_incidents_open{severity="critical",team="payments"} 1
 * saypro_incidents_unacknowledged{severity="critical",team="payments"} 1
 * saypro_incidents_oldest_unacknowledged_age_seconds{severity="critical",team="payments"} 421.5
 * </pre>
 */
public final class IncidentCountCollector implements SayproCollector {
  public static final MetricDef CREATED = MetricDef.counter("saypro_incidents_created_total",
      "Incidents recorded (one per alert fingerprint and start time), over the whole stored history.", "severity", "team");
  public static final MetricDef OPEN = MetricDef.gauge("saypro_incidents_open",
      "Incidents firing now (not resolved).", "severity", "team");
  public static final MetricDef UNACKNOWLEDGED = MetricDef.gauge("saypro_incidents_unacknowledged",
      "Open incidents nobody has acknowledged (no matching silence, no acknowledgement through the API).", "severity", "team");
  public static final MetricDef OLDEST_UNACKNOWLEDGED = MetricDef.gauge("saypro_incidents_oldest_unacknowledged_age_seconds",
      "Age of the oldest open unacknowledged incident; 0 when there is none.", "severity", "team");

  public static final CollectorSpec SPEC = CollectorSpec.of("incidents",
      "Incidents recorded, open and unacknowledged, and the age of the oldest unacknowledged",
      CREATED, OPEN, UNACKNOWLEDGED, OLDEST_UNACKNOWLEDGED);

  private final IncidentFigures figures;

  public IncidentCountCollector(IncidentFigures figures) {
    this.figures = figures;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    FiguresView view = figures.view(context.clock().instant());
    MetricDef.Points created = CREATED.points();
    MetricDef.Points open = OPEN.points();
    MetricDef.Points unacknowledged = UNACKNOWLEDGED.points();
    MetricDef.Points oldest = OLDEST_UNACKNOWLEDGED.points();
    for (FiguresView.Series s : view.series()) {
      String severity = s.labels().severity();
      String team = s.labels().team();
      created.add(s.created(), severity, team);
      open.add(s.open(), severity, team);
      unacknowledged.add(s.unacknowledged(), severity, team);
      oldest.add(s.oldestUnacknowledgedAge().map(d -> d.toMillis() / 1000.0).orElse(0.0), severity, team);
    }
    return List.of(created.build(), open.build(), unacknowledged.build(), oldest.build());
  }
}
