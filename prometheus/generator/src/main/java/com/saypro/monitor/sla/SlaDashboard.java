package com.saypro.monitor.sla;

import com.saypro.monitor.sla.DashboardSpec.Panel;
import com.saypro.monitor.sla.DashboardSpec.Query;
import com.saypro.monitor.sla.SlaSpec.Kind;
import com.saypro.monitor.sla.SlaSpec.Slo;
import java.util.ArrayList;
import java.util.List;

/** The SLA overview dashboard, built from the SLA so its targets are the declared ones. */
final class SlaDashboard {
  private SlaDashboard() {}

  static DashboardSpec spec(SlaSpec sla) {
    String window = Numbers.duration(sla.window());
    List<Panel> panels = new ArrayList<>();
    for (Slo slo : sla.slos()) {
      String sel = "{slo=\"" + slo.name() + "\"}";
      String objective = Numbers.format(slo.objectivePercent()) + " %";
      panels.add(new Panel(slo.title() + " (" + window + ")", "stat", "percentunit",
          slo.description() + " Share of good events over the last " + window + "; objective " + objective + ".",
          slo.objectiveRatio(), null, List.of(new Query("1 - " + SloExpressions.ratioRule(window) + sel, slo.name()))));
      panels.add(new Panel(slo.title() + ": error budget left", "gauge", "percentunit",
          "Share of the " + window + " error budget (" + Numbers.format(slo.errorBudget() * 100)
              + " % of events) not yet spent; below 0 the SLA is missed.",
          0.0, null, List.of(new Query(SloRules.BUDGET_REMAINING + sel, slo.name()))));
      double fastest = sla.burnRates().stream().mapToDouble(SlaSpec.BurnRate::factor).max().orElse(1);
      if (slo.kind() == Kind.LATENCY) {
        panels.add(new Panel(slo.title() + ": 95th percentile", "timeseries", "s",
            "95th percentile from the histogram buckets against the " + Numbers.format(slo.threshold() * 1000) + " ms target.",
            null, slo.threshold(), List.of(new Query("histogram_quantile(0.95, sum by (le) (rate("
                + SloExpressions.series(slo, "_bucket", null) + "[$__rate_interval])))", "p95"))));
      } else {
        panels.add(new Panel(slo.title() + ": burn rate", "timeseries", "none",
            "How many times faster than sustainable the error budget is spent (1 = exactly the budget over " + window
                + "); pages above " + Numbers.format(fastest) + " over 1h.",
            null, fastest, List.of(new Query(SloExpressions.ratioRule("1h") + sel + " / " + Numbers.format(slo.errorBudget()), "1h"),
                new Query(SloExpressions.ratioRule("5m") + sel + " / " + Numbers.format(slo.errorBudget()), "5m"))));
      }
    }
    panels.add(new Panel("Critical backups succeeded (" + window + ")", "stat", "percentunit",
        "Share of runs of critical backup jobs that succeeded over the last " + window + "; objective "
            + Numbers.format(sla.backups().objectivePercent()) + " %.",
        sla.backups().objectivePercent() / 100, null, List.of(new Query(SloRules.BACKUP_SUCCESS, "critical backups"))));
    panels.add(new Panel("Alerts acknowledged within SLA (30d)", "stat", "percentunit",
        "Share of incidents of the last 30 days acknowledged in time (critical within "
            + Numbers.duration(sla.incidents().acknowledge().get("critical")) + ", others within "
            + Numbers.duration(sla.incidents().acknowledge().get("other")) + "), from the incident exporter.",
        1.0, null, List.of(new Query("saypro_incidents_sla_compliance_ratio{sla=\"acknowledge\"}", "{{severity}} {{team}}"))));
    panels.add(new Panel("Incidents resolved within SLA (30d)", "stat", "percentunit",
        "Share of high-priority incidents of the last 30 days resolved in time (critical and high within "
            + Numbers.duration(sla.incidents().resolve().values().iterator().next()) + ").",
        1.0, null, List.of(new Query("saypro_incidents_sla_compliance_ratio{sla=\"resolve\"}", "{{severity}} {{team}}"))));
    panels.add(new Panel("Oldest unacknowledged incident", "timeseries", "s",
        "Age of the oldest open incident nobody acknowledged, by severity; the critical SLA is "
            + Numbers.duration(sla.incidents().acknowledge().get("critical")) + ".",
        null, (double) sla.incidents().acknowledge().get("critical").toSeconds(),
        List.of(new Query("max by (severity) (saypro_incidents_oldest_unacknowledged_age_seconds)", "{{severity}}"))));
    panels.add(new Panel("Error ratio today against last week", "timeseries", "percentunit",
        "1-day error ratio of each availability SLO (solid) and the same a week before; it must not grow more than "
            + Numbers.format(sla.errorGrowth().maxFactor()) + "x.",
        null, null, List.of(new Query(SloExpressions.ratioRule("1d") + "{slo_kind=\"availability\"}", "{{slo}}"),
            new Query(SloExpressions.ratioRule("1d") + "{slo_kind=\"availability\"} offset 1w", "{{slo}} last week"))));
    return new DashboardSpec(SloRules.OVERVIEW_UID, "SayPro SLA overview",
        "Generated from prometheus/sla.yml by ./saypro sla; do not edit. Availability and latency against their objectives, "
            + "error budgets, backups and alert response against the SLA.", panels);
  }
}
