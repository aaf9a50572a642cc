package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What `./saypro run` gives on a development machine: {@code scripts/local-monitor-roles.sh}
 * creates the least-privilege {@code saypro_monitor} accounts on the local servers, and the
 * embedded default config then logs in as them and sees both databases up.
 */
class EmbeddedDefaultsTest {

  @Test
  void theLocalRolesScriptLetsTheEmbeddedDefaultsSeeBothLocalServersUp() throws Exception {
    Path script = repositoryRoot().resolve("scripts/local-monitor-roles.sh");
    Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(output)
        .contains("PostgreSQL: saypro_monitor is a member of pg_monitor")
        .contains("MariaDB: saypro_monitor@127.0.0.1 has PROCESS, REPLICATION CLIENT, SELECT");

    try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).config(defaultConfig()).start()) {
      Scrape scrape = kit.scrape("X-Prometheus-Scrape-Timeout-Seconds", "10");
      assertThat(scrape.value("saypro_db_up", "target", "local-postgresql")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_db_up", "target", "local-mysql")).isEqualTo(1.0);
      // pg_monitor is what lets the least-privilege role see other sessions' states
      assertThat(scrape.value("saypro_db_connections_max", "target", "local-postgresql")).isPositive();
    }
  }

  private static String defaultConfig() throws IOException {
    String resource = new DatabaseExporterDefinition().defaultConfigResource();
    try (InputStream in = DatabaseExporterDefinition.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("scripts/local-monitor-roles.sh"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root above the working directory").isNotNull();
    return dir;
  }
}
