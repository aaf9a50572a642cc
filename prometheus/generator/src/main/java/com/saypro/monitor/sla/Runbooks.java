package com.saypro.monitor.sla;

import com.saypro.monitor.sla.SlaSpec.Kind;
import com.saypro.monitor.sla.SlaSpec.Slo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The runbook pages of the generated alerts ({@code docs/runbooks/ALERT.md}). */
final class Runbooks {
  private Runbooks() {}

  static Map<String, String> pages(SlaSpec sla) {
    Map<String, String> pages = new LinkedHashMap<>();
    for (Slo slo : sla.slos()) {
      pages.put(slo.burnAlert(), burn(sla, slo));
    }
    pages.put(SloRules.GROWTH_ALERT, """
        # ErrorRateGrowingWeekOverWeek

        _Generated from `prometheus/sla.yml` by `./saypro sla`; edit the generator or the SLA, not this page._

        **What it means.** The error ratio of an availability SLO (`slo` label) over the last day is more
        than %s times the ratio of the same day a week before. Nothing is down yet: errors are creeping up.

        **Check.**
        1. SLA overview dashboard, panel "Error ratio today against last week": which SLO, since when.
        2. Marketplace dashboard: which route class and status (`saypro_http_requests_total`), which backend.
        3. Deployments and configuration changes of the last week; the application log (`saypro_app_*_errors_total`).

        **Fix.** Roll back or fix the change that brought the errors; file a ticket with the findings.
        """.formatted(Numbers.format(sla.errorGrowth().maxFactor())));
    pages.put(SloRules.ACK_ALERT, """
        # IncidentAcknowledgeSLABreached

        _Generated from `prometheus/sla.yml` by `./saypro sla`._

        **What it means.** An open incident has not been acknowledged within its SLA (critical: %s,
        others: %s). The incident exporter (`saypro_incidents_oldest_unacknowledged_age_seconds`) measures
        the age; a silence in Alertmanager matching the alert, or `POST /api/acknowledge` on the incident
        exporter, acknowledges it.

        **Check.** Incidents dashboard: which severity and team; is the on-call pager receiving (see
        `WatchdogHeartbeatMissing`, Alertmanager's `alertmanager_notifications_failed_total`)?

        **Fix.** Reach the on-call person (escalate to the secondary); acknowledge the incident once someone
        owns it. A missed acknowledgement counts against the monthly SLA report.
        """.formatted(Numbers.duration(sla.incidents().acknowledge().get("critical")),
        Numbers.duration(sla.incidents().acknowledge().get("other"))));
    pages.put(SloRules.RESOLVE_ALERT, """
        # IncidentResolveSLABreached

        _Generated from `prometheus/sla.yml` by `./saypro sla`._

        **What it means.** A high-priority incident (%s) was not resolved within its resolve SLA; the
        incident exporter counted a breach (`saypro_incidents_sla_breaches_total{sla="resolve"}`).

        **Check.** Incidents dashboard and the incident exporter's page (`/` on port 9817): which incident,
        who owns it, is it still open.

        **Fix.** Escalate to the incident manager; write the post-incident review (the breach is in the
        monthly SLA report).
        """.formatted(String.join(", ", new java.util.TreeSet<>(sla.incidents().resolve().keySet()))));
    return pages;
  }

  private static String burn(SlaSpec sla, Slo slo) {
    String sli = slo.kind() == Kind.AVAILABILITY
        ? "errors `" + slo.errors() + "` over all events `" + slo.total() + "`"
        : "events of `" + slo.histogram() + "` slower than " + Numbers.format(slo.threshold() * 1000) + " ms"
            + (slo.selector().isEmpty() ? "" : " (`" + slo.selector() + "`)");
    return """
        # %s

        _Generated from `prometheus/sla.yml` by `./saypro sla`; edit the SLA, not this page._

        **SLO.** %s Objective: %s %% over %s (error budget %s %%), measured as %s.

        **What it means.** The error budget is being spent faster than it can last. `severity=critical`
        (burn rate above the fast thresholds over 1h/5m or 6h/30m) pages: at that rate the budget is gone in
        days. `severity=warning` (slow burn over 1d/2h or 3d/6h) makes a ticket. `long_window` says which pair fired.

        **Check.**
        1. The `%s` dashboard and the SLA overview: since when, which route class or journey step.
        2. Is a dependency down (database: `DatabaseDown`; payment gateway: `PaymentGatewayDown`)? Those
           alerts inhibit this one's consequences and point to the cause.
        3. Recent deployments, fault injections (demo: `GET /faults` on the fault API).

        **Fix.** Remove the cause (roll back, fail over, restart the backend); when the error ratio falls the
        alert resolves by itself. Record the incident; the budget left is on the SLA overview.
        """.formatted(slo.burnAlert(), slo.description(), Numbers.format(slo.objectivePercent()),
        Numbers.duration(sla.window()), Numbers.format(slo.errorBudget() * 100), sli, slo.dashboard());
  }
}
