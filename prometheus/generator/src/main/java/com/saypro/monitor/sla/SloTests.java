package com.saypro.monitor.sla;

import static com.saypro.monitor.sla.Yaml.map;

import com.saypro.monitor.sla.SlaSpec.BurnRate;
import com.saypro.monitor.sla.SlaSpec.Kind;
import com.saypro.monitor.sla.SlaSpec.Slo;
import com.saypro.monitor.sla.Selectors.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code promtool test rules} files for the generated alerts: per SLO a fast burn (pages), a slow
 * burn (a ticket), errors within the budget, zero traffic and a counter reset (none fire).
 */
final class SloTests {
  private static final String RULES_DIR = "../../rules/generated/";
  private final SlaSpec spec;
  private final SloRules rules;

  SloTests(SlaSpec spec, SloRules rules) {
    this.spec = spec;
    this.rules = rules;
  }

  Map<String, Object> burnTests() {
    List<Object> tests = new ArrayList<>();
    for (Slo slo : spec.slos()) {
      tests.add(test(slo.name() + ": every event fails (fast burn pages)", inputs(slo, 100, 100, false),
          List.of(expect(slo, 1.0, Duration.ofMinutes(10)), expect(slo, 1.0, Duration.ofMinutes(20)))));
      tests.add(test(slo.name() + ": 0.5 % of events fail (slow burn makes a ticket)", inputs(slo, 1000, 5, false),
          List.of(expect(slo, 0.005, Duration.ofHours(2)))));
      tests.add(test(slo.name() + ": 0.05 % of events fail, within the budget", inputs(slo, 1000, 0.5, false),
          List.of(expect(slo, 0.0005, Duration.ofMinutes(150)))));
      tests.add(test(slo.name() + ": zero traffic is no data, not an outage", inputs(slo, 0, 0, false),
          List.of(expect(slo, 0, Duration.ofMinutes(30)))));
      tests.add(test(slo.name() + ": a counter reset (exporter restart) is not an error burst", inputs(slo, 1000, 0.5, true),
          List.of(expect(slo, 0.0005, Duration.ofMinutes(100)))));
    }
    return map("rule_files", List.of(RULES_DIR + "slo-rules.yml", RULES_DIR + "slo-alerts.yml"),
        "evaluation_interval", "1m", "tests", tests);
  }

  private static Map<String, Object> test(String name, List<Object> inputs, List<Object> alertTests) {
    return map("name", name, "interval", "1m", "input_series", inputs, "alert_rule_test", alertTests);
  }

  /** Counters growing by {@code total} and {@code errors} events a minute for 4 hours (and a reset). */
  private static List<Object> inputs(Slo slo, double total, double errors, boolean reset) {
    int minutes = reset ? 60 : 160;
    if (slo.kind() == Kind.LATENCY) {
      Series count = Selectors.example(SloExpressions.series(slo, "_count", null));
      Series good = Selectors.example(SloExpressions.series(slo, "_bucket", slo.threshold()));
      return List.of(series(count, total, minutes, reset), series(good, total - errors, minutes, reset));
    }
    Series bad = Selectors.example(slo.errors());
    Series all = Selectors.example(slo.total());
    if (!bad.metric().equals(all.metric())) {
      return List.of(series(bad, errors, minutes, reset), series(all, total, minutes, reset));
    }
    Series good = all;
    for (var label : bad.labels().entrySet()) {
      if (!all.labels().containsKey(label.getKey())) {
        good = good.with(label.getKey(), "good");
      }
    }
    return List.of(series(bad, errors, minutes, reset), series(good, total - errors, minutes, reset));
  }

  private static Object series(Series series, double perMinute, int minutes, boolean reset) {
    String run = "0+" + Numbers.format(perMinute) + "x" + minutes;
    return map("series", series.text(), "values", reset ? run + " " + run : run);
  }

  /** The alerts that must be firing at {@code at} when the error ratio is {@code ratio} from the start. */
  private Map<String, Object> expect(Slo slo, double ratio, Duration at) {
    List<Object> alerts = new ArrayList<>();
    for (BurnRate rate : spec.burnRates()) {
      boolean above = ratio > rate.factor() * slo.errorBudget();
      // the first ratio exists after two samples (1m); the alert fires once it has been pending for `for`
      if (above && at.minus(Duration.ofMinutes(1)).compareTo(rate.forDuration()) >= 0) {
        Map<String, Object> labels = SloRules.sloLabels(slo);
        labels.putAll(map("severity", rate.severity(), "team", slo.team(), "long_window", Numbers.duration(rate.longWindow())));
        alerts.add(map("exp_labels", labels,
            "exp_annotations", rules.burnAnnotations(slo, rate, Numbers.format(ratio * 100) + "%")));
      }
    }
    return map("eval_time", Numbers.duration(at), "alertname", slo.burnAlert(), "exp_alerts", alerts);
  }

  /** Week-over-week growth (hourly samples over eight days) and the incident SLA alerts. */
  Map<String, Object> slaTests() {
    String attempts = "saypro_journey_attempts_total{journey=\"growth\"}";
    String failures = "saypro_journey_failures_total{journey=\"growth\"}";
    Slo journey = spec.slos().stream().filter(s -> s.kind() == Kind.AVAILABILITY && s.errors().startsWith("saypro_journey_failures_total"))
        .findFirst().orElseThrow(() -> new IllegalStateException("the growth test needs a journey availability SLO"));
    attempts = journey.total();
    failures = journey.errors();
    List<Object> tests = new ArrayList<>();
    tests.add(map("name", "errors tripled this week: the growth alert fires", "interval", "1h",
        "input_series", List.of(map("series", attempts, "values", "0+1000x192"),
            map("series", failures, "values", "0+1x168 171+3x23")),
        "alert_rule_test", List.of(map("eval_time", "192h", "alertname", SloRules.GROWTH_ALERT,
            "exp_alerts", List.of(map("exp_labels", map("severity", "warning", "team", spec.errorGrowth().team(),
                    "slo", journey.name(), "slo_kind", "availability"),
                "exp_annotations", rules.growthAnnotations(journey.name(), "0.3%")))))));
    tests.add(map("name", "the same error ratio as last week: no growth alert", "interval", "1h",
        "input_series", List.of(map("series", attempts, "values", "0+1000x192"), map("series", failures, "values", "0+1x192")),
        "alert_rule_test", List.of(map("eval_time", "192h", "alertname", SloRules.GROWTH_ALERT, "exp_alerts", List.of()))));
    tests.add(map("name", "no traffic this week: no ratio, no growth alert", "interval", "1h",
        "input_series", List.of(map("series", attempts, "values", "0+1000x168 168000+0x24"), map("series", failures, "values", "0+1x168 168+0x24")),
        "alert_rule_test", List.of(map("eval_time", "192h", "alertname", SloRules.GROWTH_ALERT, "exp_alerts", List.of()))));
    return map("rule_files", List.of(RULES_DIR + "slo-rules.yml", RULES_DIR + "slo-alerts.yml"),
        "evaluation_interval", "1h", "tests", tests);
  }

  Map<String, Object> incidentTests() {
    String age = "saypro_incidents_oldest_unacknowledged_age_seconds";
    String breaches = "saypro_incidents_sla_breaches_total";
    var inc = spec.incidents();
    long critical = inc.acknowledge().get("critical").toSeconds();
    long other = inc.acknowledge().get("other").toSeconds();
    String team = inc.team();
    List<Object> tests = new ArrayList<>();
    tests.add(map("name", "a critical incident waits past its acknowledge SLA", "interval", "1m",
        "input_series", List.of(map("series", age + "{severity=\"critical\",team=\"payments\"}", "values", (critical + 100) + "+60x10"),
            map("series", age + "{severity=\"warning\",team=\"payments\"}", "values", "0+60x10")),
        "alert_rule_test", List.of(map("eval_time", "5m", "alertname", SloRules.ACK_ALERT,
            "exp_alerts", List.of(map("exp_labels", map("severity", "critical", "team", team),
                "exp_annotations", rules.ackAnnotations("critical", inc.acknowledge().get("critical"), goDuration(critical + 400))))))));
    tests.add(map("name", "a non-critical incident waits past its acknowledge SLA", "interval", "1m",
        "input_series", List.of(map("series", age + "{severity=\"warning\",team=\"search\"}", "values", (other + 100) + "+60x10")),
        "alert_rule_test", List.of(map("eval_time", "5m", "alertname", SloRules.ACK_ALERT,
            "exp_alerts", List.of(map("exp_labels", map("severity", "warning", "team", team),
                "exp_annotations", rules.ackAnnotations("non-critical", inc.acknowledge().get("other"), goDuration(other + 400))))))));
    tests.add(map("name", "incidents acknowledged in time (and none at all) do not alert", "interval", "1m",
        "input_series", List.of(map("series", age + "{severity=\"critical\",team=\"payments\"}", "values", (critical - 400) + "+60x5 0x5"),
            map("series", age + "{severity=\"warning\",team=\"search\"}", "values", (critical + 1) + "+0x10")),
        "alert_rule_test", List.of(map("eval_time", "5m", "alertname", SloRules.ACK_ALERT, "exp_alerts", List.of()),
            map("eval_time", "10m", "alertname", SloRules.ACK_ALERT, "exp_alerts", List.of()))));
    String series = breaches + "{severity=\"critical\",sla=\"resolve\",team=\"payments\"}";
    tests.add(map("name", "an incident missed its resolve SLA", "interval", "1m",
        "input_series", List.of(map("series", series, "values", "0 0 0 1+0x60")),
        "alert_rule_test", List.of(map("eval_time", "10m", "alertname", SloRules.RESOLVE_ALERT,
            "exp_alerts", List.of(map("exp_labels", map("severity", "warning", "team", team),
                "exp_annotations", rules.resolveAnnotations("1")))))));
    tests.add(map("name", "no resolve breach, an acknowledge breach, and a counter reset do not alert", "interval", "1m",
        "input_series", List.of(map("series", series, "values", "3 3 3 0+0x60"),
            map("series", breaches + "{severity=\"critical\",sla=\"acknowledge\",team=\"payments\"}", "values", "0 0 0 1+0x60")),
        "alert_rule_test", List.of(map("eval_time", "10m", "alertname", SloRules.RESOLVE_ALERT, "exp_alerts", List.of()))));
    return map("rule_files", List.of(RULES_DIR + "slo-alerts.yml"), "evaluation_interval", "1m", "tests", tests);
  }

  /** Prometheus' humanizeDuration for whole seconds of an hour or more or less: 1h 2m 3s, 21m 40s. */
  static String goDuration(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    if (h > 0) {
      return h + "h " + m + "m " + s + "s";
    }
    return m > 0 ? m + "m " + s + "s" : s + "s";
  }
}
