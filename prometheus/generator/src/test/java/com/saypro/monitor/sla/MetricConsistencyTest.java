package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric a rule or a dashboard panel reads is produced by something that runs: a SayPro
 * exporter (its own declarations, the source of docs/METRICS.md), node_exporter (a real scrape),
 * a recording rule, or Prometheus and Alertmanager themselves (checked live by EndToEndTest).
 */
class MetricConsistencyTest {
  /** Series Prometheus and Alertmanager make themselves; EndToEndTest queries each on a live stack. */
  static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "prometheus_rule_group_last_duration_seconds",
      "prometheus_rule_evaluation_failures_total", "alertmanager_notifications_total",
      "alertmanager_notifications_failed_total", "prometheus_notifications_dropped_total");

  private final java.nio.file.Path root = RepoRoot.find();

  @Test
  void everyMetricInRulesAndDashboardsExists() throws Exception {
    Set<String> known = new TreeSet<>(Catalogue.metrics());
    known.addAll(PROMETHEUS_OWN);
    try (NodeExporter node = new NodeExporter()) {
      known.addAll(node.metricNames());
    }
    List<Config.Rule> rules = Config.rules(root);
    rules.stream().filter(r -> !r.isAlert()).forEach(r -> known.add(r.name()));

    List<String> unknown = new ArrayList<>();
    for (Config.Rule rule : rules) {
      for (String metric : PromQl.metricNames(rule.expr())) {
        if (!known.contains(metric)) {
          unknown.add(rule.file().getFileName() + " " + rule.name() + ": " + metric);
        }
      }
    }
    for (Config.Query query : Config.queries(root)) {
      for (String metric : PromQl.metricNames(Config.expand(query.expr()))) {
        if (!known.contains(metric)) {
          unknown.add(query.dashboard() + " \"" + query.panel() + "\": " + metric);
        }
      }
    }
    assertThat(unknown).as("metrics no exporter, recording rule or node_exporter produces").isEmpty();
  }

  /**
   * Every label a rule, a panel or a promtool test series matches on a SayPro metric is one that
   * metric carries once scraped: a renamed or misspelt label would match nothing and stay silent.
   */
  @Test
  void everyMatchedLabelOfASayproMetricExists() throws Exception {
    List<String> selectors = new ArrayList<>();
    for (Config.Rule rule : Config.rules(root)) {
      selectors.add(rule.file().getFileName() + " " + rule.name() + "\t" + rule.expr());
    }
    for (Config.Query query : Config.queries(root)) {
      selectors.add(query.dashboard() + " \"" + query.panel() + "\"\t" + Config.expand(query.expr()));
    }
    for (java.nio.file.Path file : PromtoolTest.files(root.resolve("prometheus/tests"), ".test.yml")) {
      for (com.fasterxml.jackson.databind.JsonNode series : Config.YAML.readTree(file.toFile()).findValues("series")) {
        selectors.add(file.getFileName() + "\t" + series.asText());
      }
    }
    Map<String, Set<String>> labels = Catalogue.labels();
    List<String> unknown = new ArrayList<>();
    for (String selector : selectors) {
      String where = selector.substring(0, selector.indexOf('\t'));
      for (PromQl.LabelUse use : PromQl.selectorLabels(selector.substring(selector.indexOf('\t') + 1))) {
        Set<String> known = labels.get(use.metric());
        if (known != null && !known.contains(use.label())) {
          unknown.add(where + ": " + use.metric() + " has no label " + use.label() + " (it has " + known + ")");
        }
      }
    }
    assertThat(unknown).as("labels the exporters do not produce").isEmpty();
  }

  @Test
  void theExtractorFindsMetricsAndNothingElse() {
    assertThat(PromQl.metricNames("sum by (le, route) (rate(a_bucket{route=~\"x|y\",le=\"0.1\"}[5m])) / on (job) group_left () "
        + "b_info{x=\"a b\"} > 0.5 and c:d:e offset 1w unless time() - last_ts > 3 * 86400"))
        .containsExactly("a_bucket", "b_info", "c:d:e", "last_ts");
    assertThat(PromQl.metricNames("vector(1)")).isEmpty();
    assertThat(PromQl.selectorLabels("rate(a_total{x=~\"}{y=\", z!=\"1\"}[5m]) * on (w) b{job=\"j\"} + c"))
        .containsExactly(new PromQl.LabelUse("a_total", "x"), new PromQl.LabelUse("a_total", "z"), new PromQl.LabelUse("b", "job"));
  }
}
