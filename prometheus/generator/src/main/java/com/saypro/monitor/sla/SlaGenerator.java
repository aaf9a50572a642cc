package com.saypro.monitor.sla;

import com.saypro.monitor.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates, from {@code prometheus/sla.yml} and {@code grafana/panels/*.yml}, every committed
 * SLA artefact: the SLO recording rules and alerts, their promtool tests, the runbooks of the
 * generated alerts and the Grafana dashboards. {@code ./saypro sla} runs it; GeneratedFilesTest
 * fails when the committed files differ from its output.
 */
public final class SlaGenerator {
  static final String HEADER = "# Generated from prometheus/sla.yml by ./saypro sla (SlaGenerator); do not edit.\n";
  static final String RULES = "prometheus/rules/generated/";
  static final String TESTS = "prometheus/tests/generated/";

  private SlaGenerator() {}

  /** Every generated file, by path relative to the repository root. */
  public static Map<String, String> generate(Path root) throws ConfigException, IOException {
    SlaSpec sla = SlaReader.read(root.resolve("prometheus/sla.yml"));
    SloRules rules = new SloRules(sla);
    SloTests tests = new SloTests(sla, rules);
    Map<String, String> files = new TreeMap<>();
    files.put(RULES + "slo-rules.yml", Yaml.yaml(HEADER, rules.recordingRules()));
    files.put(RULES + "slo-alerts.yml", Yaml.yaml(HEADER, rules.alertRules()));
    files.put(TESTS + "slo-burn.test.yml", Yaml.yaml(HEADER, tests.burnTests()));
    files.put(TESTS + "sla-growth.test.yml", Yaml.yaml(HEADER, tests.slaTests()));
    files.put(TESTS + "sla-incidents.test.yml", Yaml.yaml(HEADER, tests.incidentTests()));
    Runbooks.pages(sla).forEach((alert, page) -> files.put("docs/runbooks/" + alert + ".md", page));
    for (DashboardSpec dashboard : dashboards(root, sla)) {
      files.put("grafana/dashboards/" + dashboard.uid().replaceFirst("^saypro-", "") + ".json",
          Yaml.json(Dashboards.json(dashboard)));
    }
    return files;
  }

  /** The SLA overview plus every hand-described dashboard, in uid order. */
  public static List<DashboardSpec> dashboards(Path root, SlaSpec sla) throws ConfigException, IOException {
    List<DashboardSpec> out = new ArrayList<>();
    out.add(SlaDashboard.spec(sla));
    try (Stream<Path> files = Files.list(root.resolve("grafana/panels"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        out.add(DashboardSpec.read(file));
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    try {
      for (Map.Entry<String, String> file : generate(root).entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file.getKey());
      }
    } catch (ConfigException e) {
      System.err.println("saypro sla: " + e.getMessage());
      System.exit(1);
    }
  }
}
