package com.saypro.monitor.incidents.metrics;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.sla.FiguresView;
import com.saypro.monitor.incidents.sla.IncidentFigures;
import com.saypro.monitor.incidents.sla.SlaKind;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Response and resolution times against the SLA, per severity and team: histograms with bucket
 * bounds at the SLA limits (900 s and 7200 s), breaches counted, and the share of incidents of the
 * last 30 days that met each SLA.
 *
 * <pre>
 * saypro_incidents_time_to_acknowledge_seconds_bucket{severity="critical",team="payments",le="900.0"} 10
 * saypro_incidents_time_to_acknowledge_seconds_count{severity="critical",team="payments"} 11
 * saypro_incidents_time_to_resolve_seconds_bucket{severity="critical",team="payments",le="7200.0"} 9
 * saypro_incidents_sla_breaches_total{severity="critical",sla="acknowledge",team="payments"} 1
 * saypro_incidents_sla_compliance_ratio{severity="critical",sla="acknowledge",team="payments"} 0.909
 * saypro_incidents_sla_decided{severity="critical",sla="acknowledge",team="payments"} 11
 * saypro_incidents_sla_target_seconds{severity="critical",sla="acknowledge"} 900
 * </pre>
 */
public final class SlaCollector implements SayproCollector {
  public static final MetricDef TIME_TO_ACKNOWLEDGE = MetricDef.histogram("saypro_incidents_time_to_acknowledge_seconds",
      "From an incident's start to its first acknowledgement (matching silence or API).", "severity", "team");
  public static final MetricDef TIME_TO_RESOLVE = MetricDef.histogram("saypro_incidents_time_to_resolve_seconds",
      "From an incident's start to its resolution.", "severity", "team");
  public static final MetricDef BREACHES = MetricDef.counter("saypro_incidents_sla_breaches_total",
      "Incidents that missed an SLA: not acknowledged (nor resolved) within acknowledge_within, or not resolved within resolve_within.",
      "severity", "team", "sla");
  public static final MetricDef COMPLIANCE = MetricDef.gauge("saypro_incidents_sla_compliance_ratio",
      "Of the incidents started in the last 30 days whose SLA verdict is known, the share that met it.", "severity", "team", "sla");
  public static final MetricDef DECIDED = MetricDef.gauge("saypro_incidents_sla_decided",
      "Incidents started in the last 30 days whose SLA verdict is known (the denominator of the compliance ratio).",
      "severity", "team", "sla");
  public static final MetricDef TARGET = MetricDef.gauge("saypro_incidents_sla_target_seconds",
      "The configured SLA limit.", "severity", "sla");

  public static final CollectorSpec SPEC = CollectorSpec.of("sla",
      "Times to acknowledge and resolve, SLA breaches and 30-day compliance",
      TIME_TO_ACKNOWLEDGE, TIME_TO_RESOLVE, BREACHES, COMPLIANCE, DECIDED, TARGET);

  private final IncidentFigures figures;
  private final SlaPolicy policy;

  public SlaCollector(IncidentFigures figures, SlaPolicy policy) {
    this.figures = figures;
    this.policy = policy;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    FiguresView view = figures.view(context.clock().instant());
    MetricDef.Points acknowledge = TIME_TO_ACKNOWLEDGE.points();
    MetricDef.Points resolve = TIME_TO_RESOLVE.points();
    MetricDef.Points breaches = BREACHES.points();
    for (FiguresView.Series s : view.series()) {
      String severity = s.labels().severity();
      String team = s.labels().team();
      FiguresView.Histogram ack = s.timeToAcknowledge();
      acknowledge.histogram(ack.bounds(), ack.counts(), ack.sum(), severity, team);
      FiguresView.Histogram res = s.timeToResolve();
      resolve.histogram(res.bounds(), res.counts(), res.sum(), severity, team);
      SlaPolicy.Targets targets = policy.targets(severity);
      if (targets.acknowledgeWithin().isPresent()) {
        breaches.add(s.acknowledgeBreaches(), severity, team, SlaKind.ACKNOWLEDGE.label());
      }
      if (targets.resolveWithin().isPresent()) {
        breaches.add(s.resolveBreaches(), severity, team, SlaKind.RESOLVE.label());
      }
    }
    MetricDef.Points compliance = COMPLIANCE.points();
    MetricDef.Points decided = DECIDED.points();
    for (FiguresView.Compliance c : view.compliance()) {
      compliance.add(c.ratio(), c.labels().severity(), c.labels().team(), c.kind().label());
      decided.add(c.met() + c.breached(), c.labels().severity(), c.labels().team(), c.kind().label());
    }
    MetricDef.Points target = TARGET.points();
    for (Map.Entry<String, SlaPolicy.Targets> entry : new TreeMap<>(policy.severities()).entrySet()) {
      entry.getValue().acknowledgeWithin().ifPresent(d -> target.add(d.toSeconds(), entry.getKey(), SlaKind.ACKNOWLEDGE.label()));
      entry.getValue().resolveWithin().ifPresent(d -> target.add(d.toSeconds(), entry.getKey(), SlaKind.RESOLVE.label()));
    }
    return List.of(acknowledge.build(), resolve.build(), breaches.build(), compliance.build(), decided.build(), target.build());
  }
}
