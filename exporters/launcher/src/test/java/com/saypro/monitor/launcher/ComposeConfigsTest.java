package com.saypro.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter configs docker-compose mounts ({@code compose/}) load: {@code all --config.check} on
 * the suite file, every exporter's file with it. The secrets they read exist only in the running
 * stack ({@code /run/secrets/...}), so a copy points them at stand-in files; nothing else changes.
 */
class ComposeConfigsTest {

  @Test
  void theSuiteFileAndEveryExporterConfigOfTheStackPassConfigCheck(@TempDir Path dir) throws IOException {
    Path compose = RepoRoot.find().resolve("compose");
    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    List<String> names;
    try (Stream<Path> files = Files.list(compose)) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
    }
    for (String name : names) {
      String text = Files.readString(compose.resolve(name));
      for (String secret : secretNames(text)) {
        Files.writeString(secrets.resolve(secret), "stand-in-" + secret + "\n");
      }
      Files.writeString(dir.resolve(name), text.replace("/run/secrets/", secrets + "/"));
    }
    assertThat(names).contains("suite.yml", "backup.yml", "network.yml", "security.yml");
    assertThat(Files.readString(compose.resolve("suite.yml")))
        .as("every exporter of the launcher runs in the stack")
        .contains("backup:", "database:", "incidents:", "logs:", "marketplace:", "network:", "security:");

    int code = Launcher.commandLine().execute("all", "--config.file=" + dir.resolve("suite.yml"), "--config.check");
    assertThat(code).as("all --config.check on compose/suite.yml (see the line it printed)").isZero();
  }

  private static List<String> secretNames(String text) {
    return java.util.regex.Pattern.compile("/run/secrets/([A-Za-z0-9_.-]+)").matcher(text).results()
        .map(m -> m.group(1)).distinct().toList();
  }
}
