package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promtool check config, check rules and test rules over the committed configuration. */
class PromtoolTest {
  private final Path root = RepoRoot.find();
  private final Path prometheus = root.resolve("prometheus");

  @Test
  void configIsValid() {
    Tools.Result result = Tools.run(prometheus, 120, "promtool", "check", "config", "prometheus.yml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("rules/generated/slo-alerts.yml").contains("rules/marketplace.yml");
  }

  @Test
  void everyRuleFileIsValid() throws IOException {
    List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
    command.addAll(files(prometheus.resolve("rules"), ".yml").stream().map(Path::toString).toList());
    Tools.Result result = Tools.run(prometheus, 120, command.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void everyAlertPassesItsUnitTests() throws IOException {
    List<Path> tests = files(prometheus.resolve("tests"), ".test.yml");
    assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
    List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
    command.addAll(tests.stream().map(Path::toString).toList());
    Tools.Result result = Tools.run(prometheus, 600, command.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).doesNotContain("FAILED");
  }

  @Test
  void aWrongThresholdFailsTheUnitTests(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Path tests = Files.createDirectories(dir.resolve("tests"));
    String database = Files.readString(prometheus.resolve("rules/database.yml"), StandardCharsets.UTF_8);
    String broken = database.replace("saypro_db_connections_saturation_ratio > 0.8", "saypro_db_connections_saturation_ratio > 0.95");
    assertThat(broken).isNotEqualTo(database);
    Files.writeString(rules.resolve("database.yml"), broken, StandardCharsets.UTF_8);
    Files.copy(prometheus.resolve("tests/database.test.yml"), tests.resolve("database.test.yml"));

    Tools.Result result = Tools.run(tests, 120, "promtool", "test", "rules", "database.test.yml");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("DatabaseConnectionsNearMax").contains("FAILED");
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
