package com.saypro.monitor.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one-shot arguments read without picocli ({@link OneShotArgs}): wherever they are read, picocli reads the
 * same run from them; everything else is left to picocli.
 */
class OneShotArgsTest {
  /** An exporter with a one-shot mode, and the plain test exporter (which has none). */
  private static final ExporterDefinition ONE_SHOT = TestCollectors.withOneShot("oneshot");
  private static final List<ExporterDefinition> DEFINITIONS = List.of(ONE_SHOT, new TestCollectors());

  @TempDir Path dir;

  @Property(tries = 3000)
  void whereverItReadsTheArgumentsPicocliReadsTheSameRun(@ForAll("argumentLists") List<String> list) {
    String[] args = list.toArray(String[]::new);
    Optional<OneShotArgs> quick = OneShotArgs.parse(args, DEFINITIONS);
    Statistics.label("read without picocli").collect(quick.isPresent());
    Statistics.label("read without picocli").coverage(coverage -> coverage.check(true).percentage(p -> p > 3));
    if (quick.isEmpty()) {
      return;
    }
    CommandLine cli = Commands.build(DEFINITIONS);
    ParseResult[] parsed = new ParseResult[1];
    assertThatCode(() -> parsed[0] = cli.parseArgs(args)).as("picocli on %s", list).doesNotThrowAnyException();
    ParseResult sub = parsed[0].subcommand();
    assertThat(sub).as("%s", list).isNotNull();
    assertThat(sub.commandSpec().name()).isEqualTo(quick.get().definition().name());
    assertThat(sub.hasMatchedOption(ExporterCommand.ONE_SHOT)).isTrue();
    assertThat(sub.subcommand()).isNull();
    CommonOptions picocli = ((ExporterCommand) sub.commandSpec().userObject()).options;
    CommonOptions ours = quick.get().options();
    assertThat(ours.configFile).as("%s", list).isEqualTo(picocli.configFile);
    assertThat(ours.logLevel).as("%s", list).isEqualTo(picocli.logLevel);
    assertThat(ours.logFormat).as("%s", list).isEqualTo(picocli.logFormat);
    assertThat(picocli.listenAddress).isNull();
    assertThat(picocli.webConfigFile).isNull();
    assertThat(picocli.check).isFalse();
  }

  @Provide
  Arbitrary<List<String>> argumentLists() {
    // mostly what the fast path reads, in both spellings, so that it answers often; then the same with words it
    // must leave to picocli mixed in
    Arbitrary<String> first = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("oneshot")),
        Tuple.of(1, Arbitraries.of("test", "nope", "--one-shot", "all")));
    Arbitrary<String> value = Arbitraries.of("a.yml", "dir/b c.yml", "debug", "warn", "loud", "json", "logfmt",
        "DEBUG", "", "-", "--one-shot", "-x", "=x", "a=b");
    Arbitrary<String> flag = Arbitraries.of("--config.file", "--log.level", "--log.format");
    Arbitrary<List<String>> separate = Combinators.combine(flag, value).as((f, v) -> List.of(f, v));
    Arbitrary<List<String>> joined = Combinators.combine(flag, value).as((f, v) -> List.of(f + "=" + v));
    Arbitrary<List<String>> other = Arbitraries.of("--help", "-h", "--version", "--config.check",
        "--web.listen-address=:1", "--web.listen-address", "--config", "--bogus", "--one-shot=true", "=",
        "--config.filex=a", "--config.file", "a.yml").map(List::of);
    Arbitrary<List<String>> item = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of("--one-shot"))),
        Tuple.of(4, separate), Tuple.of(4, joined), Tuple.of(1, other));
    return Combinators.combine(first, item.list().ofMaxSize(5)).as((head, items) -> {
      List<String> all = new java.util.ArrayList<>();
      all.add(head);
      items.forEach(all::addAll);
      return all;
    });
  }

  @Test
  void readsThePlainForms() {
    assertThat(OneShotArgs.parse(new String[] {"oneshot", "--one-shot", "--config.file=x.yml"}, DEFINITIONS))
        .hasValueSatisfying(run -> assertThat(run.options().configFile).isEqualTo(Path.of("x.yml")));
    assertThat(OneShotArgs.parse(new String[] {"oneshot", "--log.level", "debug", "--one-shot", "--config.file", "x.yml",
        "--log.format=json"}, DEFINITIONS))
        .hasValueSatisfying(run -> {
          assertThat(run.options().logLevel).isEqualTo("debug");
          assertThat(run.options().logFormat).isEqualTo("json");
        });
    assertThat(OneShotArgs.parse(new String[] {"oneshot", "--one-shot"}, DEFINITIONS))
        .hasValueSatisfying(run -> assertThat(run.options().configFile).isNull());
  }

  @Test
  void leavesEverythingElseToPicocli() {
    List<String[]> others = List.of(
        new String[] {"oneshot"},
        new String[] {"oneshot", "--config.file=x.yml"},
        new String[] {"test", "--one-shot"},
        new String[] {"oneshot", "--one-shot", "--help"},
        new String[] {"oneshot", "--one-shot", "--config.file=a.yml", "--config.file=b.yml"},
        new String[] {"oneshot", "--one-shot", "--config.file"},
        new String[] {"oneshot", "--one-shot", "--web.listen-address=:1"},
        new String[] {"oneshot", "--one-shot", "--one-shot"});
    for (String[] args : others) {
      assertThat(OneShotArgs.parse(args, DEFINITIONS)).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void runsLikeThePicocliPath() throws Exception {
    Path config = Files.writeString(dir.resolve("test.yml"), "greeting: hi\n");
    String[] args = {"oneshot", "--one-shot", "--config.file=" + config};
    StringWriter quickOut = new StringWriter();
    StringWriter quickErr = new StringWriter();
    OptionalInt quick = Commands.runOneShot(args, DEFINITIONS, new PrintWriter(quickOut), new PrintWriter(quickErr));

    CommandLine cli = Commands.build(DEFINITIONS);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);

    assertThat(quick).hasValue(code);
    assertThat(code).as(err.toString()).isZero();
    assertThat(withoutDurations(quickOut.toString())).isEqualTo(withoutDurations(out.toString())).contains("greeting");
    assertThat(quickErr.toString()).isEqualTo(err.toString());
  }

  @Test
  void aBadConfigFailsLikeThePicocliPath() throws Exception {
    Path config = Files.writeString(dir.resolve("test.yml"), "greeting: hi\nseries: x\n");
    String[] args = {"oneshot", "--one-shot", "--config.file=" + config};
    StringWriter quickErr = new StringWriter();
    OptionalInt quick = Commands.runOneShot(args, DEFINITIONS, new PrintWriter(new StringWriter()), new PrintWriter(quickErr));
    CommandLine cli = Commands.build(DEFINITIONS);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    assertThat(quick).hasValue(cli.execute(args)).hasValue(1);
    assertThat(quickErr.toString()).isEqualTo(err.toString()).contains("test.yml:2: series");
  }

  @Test
  void isNotTakenWithoutAOneShotExporter() {
    assertThat(Commands.runOneShot(new String[] {"test", "--one-shot"}, DEFINITIONS,
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isEmpty();
  }

  /** Collection times differ between two runs; everything else must not. */
  private static String withoutDurations(String text) {
    return text.lines().filter(line -> !line.contains("duration_seconds")).reduce("", (a, b) -> a + b + "\n");
  }
}
