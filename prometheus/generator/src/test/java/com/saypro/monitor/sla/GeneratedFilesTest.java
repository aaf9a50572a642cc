package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files generated from prometheus/sla.yml are committed; this fails when one differs from what
 * the generator makes now. Regenerate with {@code ./saypro sla} (this test with
 * {@code -Dsaypro.sla.write=true}).
 */
class GeneratedFilesTest {
  @Test
  void committedFilesMatchTheGenerator() throws Exception {
    Path root = RepoRoot.find();
    Map<String, String> generated = SlaGenerator.generate(root);
    if (Boolean.getBoolean("saypro.sla.write")) {
      for (Map.Entry<String, String> file : generated.entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = root.resolve(file.getKey());
      assertThat(Files.exists(path)).as("%s exists (./saypro sla writes it)", file.getKey()).isTrue();
      assertThat(Files.readString(path, StandardCharsets.UTF_8))
          .as("%s is out of date: run ./saypro sla", file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void aChangedTargetChangesTheGeneratedRules() throws Exception {
    Path root = RepoRoot.find();
    String sla = Files.readString(root.resolve("prometheus/sla.yml"), StandardCharsets.UTF_8);
    SlaSpec changed = SlaReader.parse("sla.yml", sla.replaceFirst("objective: 99.9", "objective: 99.5"));
    String alerts = Yaml.yaml("", new SloRules(changed).alertRules());
    assertThat(alerts).contains("> 0.072").doesNotContain("slo:sli_error:ratio_rate1h{slo=\"marketplace\"} > 0.0144");
  }
}
