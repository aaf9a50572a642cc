package com.saypro.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line built for a named exporter behaves as the full one does for that exporter. */
class LauncherCommandForTest {

  private static String run(CommandLine cli, String... args) {
    StringWriter text = new StringWriter();
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(text, true));
    int code = cli.execute(args);
    return code + "\n" + text;
  }

  @Test
  void anExporterHelpsAndFailsAsInTheFullCommandLine() {
    for (String exporter : new String[] {"logs", "database", "network"}) {
      assertThat(run(Launcher.commandLineFor(exporter), exporter, "--help"))
          .isEqualTo(run(Launcher.commandLine(), exporter, "--help"))
          .contains("--config.file");
      assertThat(run(Launcher.commandLineFor(exporter), exporter, "--no-such-flag"))
          .isEqualTo(run(Launcher.commandLine(), exporter, "--no-such-flag"))
          .startsWith("1\n");
    }
    assertThat(run(Launcher.commandLineFor("logs"), "logs", "--help")).contains("--one-shot");
  }

  @Test
  void anythingElseGetsTheFullCommandLine() {
    assertThat(Launcher.commandLineFor("demo").getSubcommands()).containsKeys("demo", "all", "logs", "database");
    assertThat(Launcher.commandLineFor("--help").getSubcommands()).containsKeys("demo", "all", "logs");
  }
}
