package com.saypro.monitor.sla;

import static com.saypro.monitor.sla.Yaml.map;

import com.saypro.monitor.sla.SlaSpec.BurnRate;
import com.saypro.monitor.sla.SlaSpec.Kind;
import com.saypro.monitor.sla.SlaSpec.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SLO recording rules and alerts of {@code prometheus/rules/generated/}.
 *
 * <pre>
 * slo:sli_error:ratio_rate5m{slo="checkout",slo_kind="availability"} 0.0004
 * slo:objective:ratio{slo="checkout",slo_kind="availability"} 0.999
 * slo:error_budget_remaining:ratio{slo="checkout",slo_kind="availability"} 0.62
 * sla:backup_success:ratio_rate30d 1
 * </pre>
 */
final class SloRules {
  static final String OBJECTIVE = "slo:objective:ratio";
  static final String BUDGET_REMAINING = "slo:error_budget_remaining:ratio";
  static final String BACKUP_SUCCESS = "sla:backup_success:ratio_rate30d";
  static final String BACKUP_OBJECTIVE = "sla:backup_success_objective:ratio";
  static final String GROWTH_ALERT = "ErrorRateGrowingWeekOverWeek";
  static final String ACK_ALERT = "IncidentAcknowledgeSLABreached";
  static final String RESOLVE_ALERT = "IncidentResolveSLABreached";
  static final String GROWTH_WINDOW = "1d";
  static final String OVERVIEW_UID = "saypro-sla-overview";

  private final SlaSpec spec;

  SloRules(SlaSpec spec) {
    this.spec = spec;
  }

  /** Every window a rule or alert needs: the burn-rate windows, one day (growth) and the SLA window. */
  List<String> windows() {
    TreeSet<Duration> windows = new TreeSet<>();
    for (BurnRate rate : spec.burnRates()) {
      windows.add(rate.longWindow());
      windows.add(rate.shortWindow());
    }
    windows.add(Duration.ofDays(1));
    windows.add(spec.window());
    return windows.stream().map(Numbers::duration).toList();
  }

  static Map<String, Object> sloLabels(Slo slo) {
    return map("slo", slo.name(), "slo_kind", slo.kind().name().toLowerCase(java.util.Locale.ROOT));
  }

  Map<String, Object> recordingRules() {
    List<Object> groups = new ArrayList<>();
    String window = Numbers.duration(spec.window());
    for (Slo slo : spec.slos()) {
      List<Object> rules = new ArrayList<>();
      for (String w : windows()) {
        if (w.equals(GROWTH_WINDOW)) {
          continue; // in the growth group, next to the alert that compares it with last week
        }
        rules.add(map("record", SloExpressions.ratioRule(w), "expr", SloExpressions.errorRatio(slo, w),
            "labels", sloLabels(slo)));
      }
      rules.add(map("record", OBJECTIVE, "expr", "vector(" + Numbers.format(slo.objectiveRatio()) + ")",
          "labels", sloLabels(slo)));
      rules.add(map("record", BUDGET_REMAINING,
          "expr", "1 - " + SloExpressions.ratioRule(window) + "{slo=\"" + slo.name() + "\"} / " + Numbers.format(slo.errorBudget()),
          "labels", sloLabels(slo)));
      groups.add(map("name", "slo-" + slo.name(), "rules", rules));
    }
    List<Object> growth = new ArrayList<>();
    for (Slo slo : spec.slos()) {
      growth.add(map("record", SloExpressions.ratioRule(GROWTH_WINDOW), "expr", SloExpressions.errorRatio(slo, GROWTH_WINDOW),
          "labels", sloLabels(slo)));
    }
    // Same group, after the rules it reads: a group evaluates its rules in order, so the alert always
    // sees this evaluation's ratio (groups run in no fixed order relative to each other).
    growth.add(growthAlert());
    groups.add(map("name", "slo-error-growth", "rules", growth));
    String critical = " * on (instance, backup_job) group_left () saypro_backup_job_info{criticality=\"critical\"}";
    groups.add(map("name", "sla-backups", "rules", List.of(
        map("record", BACKUP_SUCCESS,
            "expr", "sum(increase(saypro_backup_runs_total{outcome=\"success\"}[" + window + "])" + critical + ")\n/\n"
                + "(sum(increase(saypro_backup_runs_total[" + window + "])" + critical + ") > 0)"),
        map("record", BACKUP_OBJECTIVE, "expr", "vector(" + Numbers.format(spec.backups().objectivePercent() / 100) + ")"))));
    return map("groups", groups);
  }

  Map<String, Object> alertRules() {
    List<Object> sloAlerts = new ArrayList<>();
    for (Slo slo : spec.slos()) {
      for (BurnRate rate : spec.burnRates()) {
        sloAlerts.add(burnAlert(slo, rate));
      }
    }
    List<Object> slaAlerts = new ArrayList<>(incidentAlerts());
    return map("groups", List.of(map("name", "slo-burn-rates", "rules", sloAlerts),
        map("name", "sla-targets", "rules", slaAlerts)));
  }

  Map<String, Object> burnAlert(Slo slo, BurnRate rate) {
    String threshold = Numbers.format(rate.factor() * slo.errorBudget());
    String longW = Numbers.duration(rate.longWindow());
    String shortW = Numbers.duration(rate.shortWindow());
    String selector = "{slo=\"" + slo.name() + "\"}";
    String expr = SloExpressions.ratioRule(longW) + selector + " > " + threshold + "\nand\n"
        + SloExpressions.ratioRule(shortW) + selector + " > " + threshold;
    return map("alert", slo.burnAlert(), "expr", expr,
        "for", rate.forDuration().isZero() ? null : Numbers.duration(rate.forDuration()),
        "labels", map("severity", rate.severity(), "team", slo.team(), "long_window", longW),
        "annotations", burnAnnotations(slo, rate, "{{ $value | humanizePercentage }}"));
  }

  /** The annotations of a burn alert, with {@code value} where the measured ratio goes. */
  Map<String, Object> burnAnnotations(Slo slo, BurnRate rate, String value) {
    String longW = Numbers.duration(rate.longWindow());
    String budgetDays = Numbers.format(Math.round(spec.window().toHours() / 24.0 / rate.factor() * 10) / 10.0);
    String what = slo.kind() == Kind.AVAILABILITY ? "failed" : "were slower than " + Numbers.format(slo.threshold() * 1000) + " ms";
    return map(
        "summary", "SLO " + slo.title() + ": the error budget burns " + Numbers.format(rate.factor()) + "x too fast",
        "description", value + " of " + slo.title().toLowerCase(java.util.Locale.ROOT) + " (slo " + slo.name() + ") " + what
            + " over the last " + longW + " (and over the last " + Numbers.duration(rate.shortWindow())
            + "); the " + Numbers.format(slo.objectivePercent()) + " % objective allows "
            + Numbers.format(slo.errorBudget() * 100) + " %. At this rate the " + Numbers.duration(spec.window())
            + " error budget is gone in " + budgetDays + " days.",
        "runbook_url", spec.links().runbook(slo.burnAlert()),
        "dashboard_url", spec.links().dashboard(slo.dashboard()));
  }

  String growthExpr() {
    String rule = SloExpressions.ratioRule("1d") + "{slo_kind=\"availability\"}";
    return rule + " > " + Numbers.format(spec.errorGrowth().minRatio()) + "\nand\n"
        + rule + " > " + Numbers.format(spec.errorGrowth().maxFactor()) + " * (" + rule + " offset 1w)";
  }

  Map<String, Object> growthAlert() {
    return map("alert", GROWTH_ALERT, "expr", growthExpr(),
        "for", Numbers.duration(spec.errorGrowth().forDuration()),
        "labels", map("severity", "warning", "team", spec.errorGrowth().team()),
        "annotations", growthAnnotations("{{ $labels.slo }}", "{{ $value | humanizePercentage }}"));
  }

  Map<String, Object> growthAnnotations(String slo, String value) {
    return map(
        "summary", "An error rate grew by more than " + Numbers.format(spec.errorGrowth().maxFactor()) + "x week over week",
        "description", "The " + slo + " error ratio over the last day is " + value + ", more than "
            + Numbers.format(spec.errorGrowth().maxFactor()) + " times the same day last week.",
        "runbook_url", spec.links().runbook(GROWTH_ALERT),
        "dashboard_url", spec.links().dashboard(OVERVIEW_UID));
  }

  List<Map<String, Object>> incidentAlerts() {
    var inc = spec.incidents();
    long critical = inc.acknowledge().get("critical").toSeconds();
    long other = inc.acknowledge().get("other").toSeconds();
    String resolved = String.join("|", new TreeSet<>(inc.resolve().keySet()));
    return List.of(
        map("alert", ACK_ALERT,
            "expr", "max(saypro_incidents_oldest_unacknowledged_age_seconds{severity=\"critical\"}) > " + critical,
            "for", "1m",
            "labels", map("severity", "critical", "team", inc.team()),
            "annotations", ackAnnotations("critical", inc.acknowledge().get("critical"), "{{ $value | humanizeDuration }}")),
        map("alert", ACK_ALERT,
            "expr", "max(saypro_incidents_oldest_unacknowledged_age_seconds{severity!=\"critical\"}) > " + other,
            "for", "1m",
            "labels", map("severity", "warning", "team", inc.team()),
            "annotations", ackAnnotations("non-critical", inc.acknowledge().get("other"), "{{ $value | humanizeDuration }}")),
        map("alert", RESOLVE_ALERT,
            "expr", "sum(increase(saypro_incidents_sla_breaches_total{sla=\"resolve\",severity=~\"" + resolved + "\"}[1h])) > 0",
            "labels", map("severity", "warning", "team", inc.team()),
            "annotations", resolveAnnotations("{{ $value | printf \"%.0f\" }}")));
  }

  Map<String, Object> ackAnnotations(String which, Duration target, String value) {
    return map(
        "summary", "A " + which + " incident is not acknowledged within its " + Numbers.duration(target) + " SLA",
        "description", "The oldest unacknowledged " + which + " incident has waited " + value
            + "; the SLA is " + Numbers.duration(target) + ". Acknowledge it (silence it in Alertmanager) or escalate.",
        "runbook_url", spec.links().runbook(ACK_ALERT),
        "dashboard_url", spec.links().dashboard("saypro-incidents"));
  }

  Map<String, Object> resolveAnnotations(String value) {
    return map(
        "summary", "An incident was not resolved within its SLA",
        "description", value + " incident(s) of severity " + String.join(" or ", new TreeSet<>(spec.incidents().resolve().keySet()))
            + " missed the resolve SLA in the last hour.",
        "runbook_url", spec.links().runbook(RESOLVE_ALERT),
        "dashboard_url", spec.links().dashboard("saypro-incidents"));
  }
}
