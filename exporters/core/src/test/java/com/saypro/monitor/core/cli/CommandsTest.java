package com.saypro.monitor.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.TestCollectors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user types it: exit codes and the one line they read. */
class CommandsTest {
  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private Outcome run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine commands = Commands.build(List.of(new TestCollectors()));
      StringWriter err = new StringWriter();
      commands.setErr(new PrintWriter(err));
      commands.setOut(new PrintWriter(System.out, true));
      int code = commands.execute(args);
      return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void configCheckAcceptsAGoodFile() throws Exception {
    Path file = Files.writeString(dir.resolve("test.yml"), "greeting: hi\n");
    Outcome outcome = run("test", "--config.check", "--config.file=" + file);
    assertThat(outcome.code()).isZero();
    assertThat(outcome.out()).isEqualTo(file + ": OK\n");
  }

  @Test
  void configCheckNamesWhatIsWrongAndExitsOne() throws Exception {
    Path file = Files.writeString(dir.resolve("test.yml"), "greeting: hi\nseries: x\n");
    Outcome outcome = run("test", "--config.check", "--config.file=" + file);
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.out()).isEqualTo(file + ": FAILED: test.yml:2: series: \"x\" is not a whole number\n");
  }

  @Test
  void aMissingConfigFileIsOneLine() {
    Outcome outcome = run("test", "--config.check", "--config.file=" + dir.resolve("nope.yml"));
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.out()).contains("nope.yml: no such file");
  }

  @Test
  void anUnknownFlagIsOneLineAndExitOne() {
    Outcome outcome = run("test", "--web.listen-adress=:1");
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.err().strip()).startsWith("saypro-monitor: Unknown option: '--web.listen-adress=:1'").doesNotContain("\n");
  }

  @Test
  void aBadListenAddressIsRefusedBeforeAnythingStarts() {
    Outcome outcome = run("test", "--config.check", "--web.listen-address=9810");
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.out()).contains("--web.listen-address: \"9810\" is not host:port (for example :9810, 127.0.0.1:9810 or [::1]:9810)");
  }

  @Test
  void badLogFlagsAreRefused() {
    assertThat(run("test", "--config.check", "--log.format=xml").code()).isEqualTo(1);
    assertThat(run("test", "--config.check", "--log.level=loud").code()).isEqualTo(1);
  }

  @Test
  void versionNamesTheBuild() {
    Outcome outcome = run("--version");
    assertThat(outcome.code()).isZero();
    assertThat(outcome.out()).startsWith("saypro-monitor, version ").contains("revision: ");
  }

  @Test
  void suiteCheckRefusesAnUnknownExporterAndAPortClash() throws Exception {
    Path unknown = Files.writeString(dir.resolve("suite.yml"), "exporters:\n  databse: {}\n");
    Outcome first = run("all", "--config.check", "--config.file=" + unknown);
    assertThat(first.code()).isEqualTo(1);
    assertThat(first.out()).contains("suite.yml:2: exporters.databse: unknown exporter (known: test)");

    Path clash = Files.writeString(dir.resolve("clash.yml"), "listen_address: \":9899\"\nexporters:\n  test: {}\n");
    Outcome second = run("all", "--config.check", "--config.file=" + clash);
    assertThat(second.out()).contains("clash.yml:3: exporters.test: port 9899 is already used by the suite (listen_address)");
  }

  @Test
  void suiteInlineConfigErrorsNameTheirPath() throws Exception {
    Path file = Files.writeString(dir.resolve("suite.yml"),
        "exporters:\n  test:\n    listen_address: \"127.0.0.1:0\"\n    config:\n      series: many\n");
    Outcome outcome = run("all", "--config.check", "--config.file=" + file);
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.out()).contains("suite.yml:5: exporters.test.config.series: \"many\" is not a whole number");
  }
}
