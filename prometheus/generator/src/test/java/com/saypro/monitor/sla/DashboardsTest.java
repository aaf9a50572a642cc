package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboards: fixed uids, the pinned schema version, the provisioned datasource, job and instance
 * variables, a unit and a description on every panel, and every query parses (promtool).
 */
class DashboardsTest {
  private final Path root = RepoRoot.find();

  @Test
  void everyDashboardFollowsTheRules() throws Exception {
    String datasource = Files.readString(root.resolve("grafana/provisioning/datasources/prometheus.yml"));
    assertThat(datasource).contains("uid: " + Dashboards.DATASOURCE_UID);
    List<JsonNode> dashboards = Config.dashboards(root);
    assertThat(dashboards).extracting(d -> d.get("uid").asText()).containsExactlyInAnyOrder("saypro-backups",
        "saypro-capacity", "saypro-databases", "saypro-incidents", "saypro-marketplace", "saypro-network",
        "saypro-security", "saypro-sla-overview");
    List<String> problems = new ArrayList<>();
    for (JsonNode dashboard : dashboards) {
      String uid = dashboard.get("uid").asText();
      if (dashboard.get("schemaVersion").asInt() != Dashboards.SCHEMA_VERSION) {
        problems.add(uid + ": schemaVersion");
      }
      Set<String> variables = new HashSet<>();
      dashboard.at("/templating/list").forEach(v -> variables.add(v.get("name").asText()));
      if (!variables.containsAll(Set.of("job", "instance"))) {
        problems.add(uid + ": variables " + variables);
      }
      for (JsonNode panel : dashboard.get("panels")) {
        String title = uid + " \"" + panel.get("title").asText() + "\"";
        if (panel.path("description").asText().isBlank()) {
          problems.add(title + ": no description");
        }
        if (panel.at("/fieldConfig/defaults/unit").asText().isBlank()) {
          problems.add(title + ": no unit");
        }
        if (!panel.at("/datasource/uid").asText().equals(Dashboards.DATASOURCE_UID)) {
          problems.add(title + ": datasource");
        }
        if (panel.get("targets").isEmpty()) {
          problems.add(title + ": no query");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyQueryParses(@TempDir Path dir) throws Exception {
    List<Config.Query> queries = Config.queries(root);
    assertThat(queries).hasSizeGreaterThan(60);
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    for (int i = 0; i < queries.size(); i++) {
      rules.append("      - record: dashboard:query:n").append(i).append("\n        expr: ")
          .append(Config.JSON.writeValueAsString(Config.expand(queries.get(i).expr()))).append('\n');
    }
    Files.writeString(dir.resolve("queries.yml"), rules, StandardCharsets.UTF_8);

    Tools.Result result = Tools.run(dir, 60, "promtool", "check", "rules", "queries.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void aBrokenQueryIsCaught(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("queries.yml"),
        "groups:\n  - name: q\n    rules:\n      - record: dashboard:query:broken\n        expr: \"sum by (le (rate(x[1m]))\"\n");
    assertThat(Tools.run(dir, 60, "promtool", "check", "rules", "queries.yml").exitCode()).isNotZero();
  }
}
