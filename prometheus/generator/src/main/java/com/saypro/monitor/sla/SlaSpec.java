package com.saypro.monitor.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The SLA as declared in {@code prometheus/sla.yml}: immutable, validated by {@link SlaReader}.
 *
 * @param window       the SLA period (error budgets are computed over it)
 * @param links        where runbooks and dashboards are published
 * @param burnRates    the multiwindow, multi-burn-rate alert pairs
 * @param slos         availability and latency SLOs, in file order
 * @param errorGrowth  the week-over-week error growth limit
 * @param backups      the backup success objective
 * @param incidents    the alert response and resolution targets
 */
public record SlaSpec(
    Duration window,
    Links links,
    List<BurnRate> burnRates,
    List<Slo> slos,
    ErrorGrowth errorGrowth,
    Backups backups,
    Incidents incidents) {

  public SlaSpec {
    burnRates = List.copyOf(burnRates);
    slos = List.copyOf(slos);
  }

  /** Base URLs of the runbooks (ends with /) and of Grafana. */
  public record Links(String runbookBase, String grafanaBase) {
    public String runbook(String alert) {
      return runbookBase + alert + ".md";
    }

    public String dashboard(String uid) {
      return grafanaBase + "/d/" + uid;
    }
  }

  /** One burn-rate alert: fires when both windows burn faster than {@code factor}. */
  public record BurnRate(String severity, double factor, Duration longWindow, Duration shortWindow, Duration forDuration) {}

  /** What kind of events an SLO counts. */
  public enum Kind {
    AVAILABILITY,
    LATENCY
  }

  /**
   * One SLO. Availability SLOs use {@code total} and {@code errors} (counter selectors); latency SLOs
   * use {@code histogram}, {@code selector} and {@code threshold} (a bucket bound, in seconds).
   */
  public record Slo(
      String name,
      Kind kind,
      String title,
      String description,
      double objectivePercent,
      String team,
      String dashboard,
      String total,
      String errors,
      String histogram,
      String selector,
      double threshold) {

    /** The allowed error ratio: 0.001 for 99.9 %. */
    public double errorBudget() {
      return Numbers.round((100 - objectivePercent) / 100);
    }

    public double objectiveRatio() {
      return Numbers.round(objectivePercent / 100);
    }

    /** CamelCase of the name: {@code checkout_journey} is {@code CheckoutJourney}. */
    public String camelName() {
      StringBuilder out = new StringBuilder();
      for (String part : name.split("_")) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
      return out.toString();
    }

    public String burnAlert() {
      return camelName() + "ErrorBudgetBurn";
    }
  }

  /** The error ratio of a day may grow at most {@code maxFactor} over the same day a week before. */
  public record ErrorGrowth(double maxFactor, double minRatio, Duration forDuration, String team) {}

  /** Critical backups: the share of successful runs over the window must reach the objective. */
  public record Backups(double objectivePercent, String team) {}

  /** Acknowledge and resolve targets by severity ({@code other}: every severity not listed). */
  public record Incidents(String team, Map<String, Duration> acknowledge, Map<String, Duration> resolve) {
    public Incidents {
      acknowledge = Map.copyOf(acknowledge);
      resolve = Map.copyOf(resolve);
    }
  }
}
