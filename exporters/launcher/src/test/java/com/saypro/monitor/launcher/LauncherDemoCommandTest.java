package com.saypro.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher offers the demo marketplace as {@code demo} and {@code demo traffic}. */
class LauncherDemoCommandTest {
  @Test
  void demoDefaultsAreValid() {
    assertThat(Launcher.commandLine().execute("demo", "--config.check")).isZero();
  }

  @Test
  void badFlagsAreOneLineAndExitCodeOne() {
    CommandLine cli = Launcher.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.getSubcommands().get("demo").setErr(new PrintWriter(err));
    cli.getSubcommands().get("demo").getSubcommands().get("traffic").setErr(new PrintWriter(err));
    assertThat(cli.execute("demo", "traffic", "--rate=fast")).isEqualTo(1);
    assertThat(err.toString()).startsWith("saypro-monitor: ").contains("--rate");
  }
}
