package com.saypro.monitor.backup.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commands run without a shell, with timeouts, bounded output and secrets only in the environment. */
class CommandRunnerTest {
  private final CommandRunner runner = new CommandRunner();

  @Test
  void commandPastItsTimeoutIsKilled() throws Exception {
    CommandResult result = runner.run(Command.of(List.of("sleep", "30"), Map.of(), Duration.ofMillis(300)));
    assertThat(result.timedOut()).isTrue();
    assertThat(result.ok()).isFalse();
    assertThat(result.reason("sleep")).startsWith("sleep timed out");
  }

  @Test
  void outputIsBoundedAndMarkedTruncated() throws Exception {
    CommandResult result = runner.run(Command.of(List.of("head", "-c", "5000000", "/dev/zero"), Map.of(),
        Duration.ofSeconds(30)).withMaxStdout(1000));
    assertThat(result.stdout()).hasSize(1000);
    assertThat(result.truncated()).isTrue();
    assertThat(result.ok()).isFalse();
  }

  @Test
  void argumentsAreNotInterpretedByAShellAndEnvironmentCarriesSecrets() throws Exception {
    CommandResult result = runner.run(Command.of(List.of("printf", "%s|%s", "$(id); echo hi", "x"), Map.of(),
        Duration.ofSeconds(10)));
    assertThat(result.stdout()).isEqualTo("$(id); echo hi|x");
    CommandResult env = runner.run(Command.of(List.of("printenv", "PGPASSWORD"), Map.of("PGPASSWORD", "s3cret"),
        Duration.ofSeconds(10)));
    assertThat(env.stdout().strip()).isEqualTo("s3cret");
  }

  @Test
  void stdinFilterStopsTheCommand() throws Exception {
    Path dump = Files.createTempFile("dump", ".sql");
    Files.writeString(dump, "SELECT 1;\n\\! touch /tmp/should-not-exist\nSELECT 2;\n");
    CommandResult result = runner.run(Command.of(List.of("cat"), Map.of(), Duration.ofSeconds(10))
        .withStdin(dump, line -> line.startsWith("\\!") ? "shell escape" : null));
    assertThat(result.refused()).isEqualTo("shell escape");
    assertThat(result.ok()).isFalse();
    assertThat(result.stdout()).doesNotContain("touch");
  }
}
