package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml runs the whole stack: every service with a healthcheck, data on named volumes,
 * the repository's config mounted, and no secret in the file. (Its syntax is checked by the
 * launcher's ComposeFileTest with docker-compose config -q; no Docker engine runs here.)
 */
class ComposeStackTest {
  private static final Pattern LITERAL_SECRET = Pattern.compile("(?i)(password|token|secret|api_key)[a-z_]*\\s*[:=]\\s*[^/\\s$]");
  private final Path root = RepoRoot.find();

  @Test
  void theWholeStackIsThere() throws Exception {
    JsonNode compose = Config.YAML.readTree(root.resolve("docker-compose.yml").toFile());
    Set<String> services = new HashSet<>();
    compose.get("services").fieldNames().forEachRemaining(services::add);
    assertThat(services).containsExactlyInAnyOrder("postgres", "mariadb", "demo", "saypro-exporters", "node-exporter",
        "prometheus", "alertmanager", "grafana");
    List<String> problems = new ArrayList<>();
    compose.get("services").fields().forEachRemaining(service -> {
      if (!service.getValue().has("healthcheck")) {
        problems.add(service.getKey() + ": no healthcheck");
      }
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./") && !source.startsWith("./secrets/") && !Files.exists(root.resolve(source))) {
          problems.add(service.getKey() + ": mounts " + source + ", which is not in the repository");
        }
        if (!source.startsWith("./") && !source.startsWith("/") && !compose.path("volumes").has(source)) {
          problems.add(service.getKey() + ": volume " + source + " is not a named volume");
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void noSecretIsWrittenInTheFileOrItsConfigs() throws Exception {
    List<Path> files = new ArrayList<>(List.of(root.resolve("docker-compose.yml"), root.resolve("alertmanager/alertmanager.yml"),
        root.resolve("grafana/provisioning/datasources/prometheus.yml")));
    files.addAll(PromtoolTest.files(root.resolve("compose"), ".yml"));
    List<String> literal = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        String code = line.replaceFirst("#.*", "");
        if (LITERAL_SECRET.matcher(code).find() && !code.contains("_FILE") && !code.contains("_file")
            && !code.contains("secrets:") && !code.contains("credentials_file") && !code.contains("./secrets/")) {
          literal.add(root.relativize(file) + ": " + line.trim());
        }
      }
    }
    assertThat(literal).isEmpty();
    assertThat(LITERAL_SECRET.matcher("password: hunter2").find()).as("the check can fail").isTrue();
  }
}
