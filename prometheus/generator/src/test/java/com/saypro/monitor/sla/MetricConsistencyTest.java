package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric a rule or a dashboard panel reads is produced by something that runs: a SayPro
 * exporter (its own declarations, the source of docs/METRICS.md), node_exporter (a real scrape),
 * a recording rule, or Prometheus and Alertmanager themselves (checked live by EndToEndTest).
 * Exporters still being written (prometheus/pending-exporters.txt) are held to their contract names.
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
    List<String> pending = Catalogue.pendingExporters(root);
    for (String exporter : pending) {
      known.addAll(Catalogue.contract(exporter));
    }

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

  @Test
  void pendingExportersAreOnlyTheUnmergedOnes() {
    List<String> pending = Catalogue.pendingExporters(root);
    assertThat(pending).as("prometheus/pending-exporters.txt may only excuse backup, network and security")
        .isSubsetOf("backup", "network", "security");
    for (String exporter : pending) {
      assertThat(Catalogue.exporterNames())
          .as("the %s exporter is merged: delete it from prometheus/pending-exporters.txt so its metrics are checked", exporter)
          .doesNotContain(exporter);
      assertThat(Catalogue.contract(exporter)).as("contract names of %s", exporter).isNotEmpty();
    }
  }

  @Test
  void theExtractorFindsMetricsAndNothingElse() {
    assertThat(PromQl.metricNames("sum by (le, route) (rate(a_bucket{route=~\"x|y\",le=\"0.1\"}[5m])) / on (job) group_left () "
        + "b_info{x=\"a b\"} > 0.5 and c:d:e offset 1w unless time() - last_ts > 3 * 86400"))
        .containsExactly("a_bucket", "b_info", "c:d:e", "last_ts");
    assertThat(PromQl.metricNames("vector(1)")).isEmpty();
  }
}
