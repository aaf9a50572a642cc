package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.saypro.monitor.sla.SlaSpec.Links;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every alert carries (CamelCase name, severity, team, static summary, templated description,
 * a runbook that exists, a dashboard that exists), recording rule names, and that every alert has
 * a promtool case where it fires and one where it must not.
 */
class AlertConventionsTest {
  private static final Pattern CAMEL = Pattern.compile("[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*|[A-Z][A-Za-z0-9]+");
  private static final Pattern RECORD = Pattern.compile("[a-z]+:[a-z0-9_]+:[a-z0-9_]+");
  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
  private final Path root = RepoRoot.find();

  @Test
  void everyAlertCarriesItsLabelsAndLinks() throws Exception {
    Links links = SlaReader.read(root.resolve("prometheus/sla.yml")).links();
    Set<String> uids = new HashSet<>();
    Config.dashboards(root).forEach(d -> uids.add(d.get("uid").asText()));
    List<String> problems = new ArrayList<>();
    List<Config.Rule> alerts = Config.rules(root).stream().filter(Config.Rule::isAlert).toList();
    assertThat(alerts).hasSizeGreaterThan(40);
    for (Config.Rule alert : alerts) {
      String name = alert.name();
      if (!CAMEL.matcher(name).matches()) {
        problems.add(name + ": not CamelCase");
      }
      if (!SEVERITIES.contains(String.valueOf(alert.label("severity")))) {
        problems.add(name + ": severity " + alert.label("severity"));
      }
      if (alert.label("team") == null || alert.label("team").isBlank()) {
        problems.add(name + ": no team");
      }
      String summary = alert.annotation("summary");
      if (summary == null || summary.isBlank() || summary.contains("{{")) {
        problems.add(name + ": summary must be static text");
      }
      String description = alert.annotation("description");
      if (description == null || !description.contains("{{")) {
        problems.add(name + ": description must be a template");
      }
      String runbook = String.valueOf(alert.annotation("runbook_url"));
      if (!runbook.equals(links.runbook(name))) {
        problems.add(name + ": runbook_url " + runbook + " is not " + links.runbook(name));
      } else if (!Files.isRegularFile(root.resolve("docs/runbooks/" + name + ".md"))) {
        problems.add(name + ": docs/runbooks/" + name + ".md does not exist");
      }
      String dashboard = String.valueOf(alert.annotation("dashboard_url"));
      String uid = dashboard.substring(dashboard.lastIndexOf('/') + 1);
      if (!dashboard.equals(links.dashboard(uid)) || !uids.contains(uid)) {
        problems.add(name + ": dashboard_url " + dashboard + " is not a dashboard of grafana/dashboards");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRunbookBelongsToAnAlert() throws Exception {
    Set<String> alerts = new HashSet<>();
    Config.rules(root).stream().filter(Config.Rule::isAlert).forEach(r -> alerts.add(r.name()));
    List<String> orphans = PromtoolTest.files(root.resolve("docs/runbooks"), ".md").stream()
        .map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")).filter(n -> !alerts.contains(n)).toList();
    assertThat(orphans).as("runbooks of alerts that no longer exist").isEmpty();
  }

  @Test
  void recordingRulesAreNamedLevelMetricOperation() {
    List<String> bad = Config.rules(root).stream().filter(r -> !r.isAlert()).map(Config.Rule::name)
        .filter(n -> !RECORD.matcher(n).matches()).distinct().toList();
    assertThat(bad).isEmpty();
  }

  @Test
  void everyAlertHasAFiringAndAQuietTestCase() throws Exception {
    Set<String> fires = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    for (Path file : PromtoolTest.files(root.resolve("prometheus/tests"), ".test.yml")) {
      for (JsonNode test : Config.YAML.readTree(file.toFile()).get("tests")) {
        for (JsonNode alertTest : test.path("alert_rule_test")) {
          String alert = alertTest.get("alertname").asText();
          (alertTest.path("exp_alerts").isEmpty() ? quiet : fires).add(alert);
        }
      }
    }
    Set<String> alerts = new HashSet<>();
    Config.rules(root).stream().filter(Config.Rule::isAlert).forEach(r -> alerts.add(r.name()));
    assertThat(alerts).as("alerts without a firing case").allMatch(fires::contains);
    assertThat(alerts).as("alerts without a case where they must not fire")
        .filteredOn(a -> !a.equals("Watchdog")).allMatch(quiet::contains);
  }

  @Test
  void latencySlosUseTheTenthOfASecondBucket() throws Exception {
    String rules = Files.readString(root.resolve("prometheus/rules/generated/slo-rules.yml"));
    assertThat(rules).contains("saypro_http_request_duration_seconds_bucket{route=~\"cart|checkout|search\",le=\"0.1\"}")
        .contains("saypro_network_probe_rtt_seconds_bucket{le=\"0.1\"}");
  }
}
