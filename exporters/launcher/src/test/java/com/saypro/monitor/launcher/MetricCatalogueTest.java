package com.saypro.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.cli.CatalogueCommand;
import com.saypro.monitor.core.cli.Commands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/METRICS.md is generated from the code. This fails when the committed file differs from what
 * the exporters on the launcher's class path declare; regenerate it with
 * {@code ./saypro catalogue} (or run this test with {@code -Dsaypro.catalogue.write=true}).
 */
class MetricCatalogueTest {
  @Test
  void committedCatalogueMatchesTheCode() throws Exception {
    Path file = RepoRoot.find().resolve("docs/METRICS.md");
    String generated = CatalogueCommand.render(Commands.discover());
    if (Boolean.getBoolean("saypro.catalogue.write")) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(file)).as("docs/METRICS.md exists (./saypro catalogue writes it)").isTrue();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("docs/METRICS.md is out of date: run ./saypro catalogue")
        .isEqualTo(generated);
  }
}
