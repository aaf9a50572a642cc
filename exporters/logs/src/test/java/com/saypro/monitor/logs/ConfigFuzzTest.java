package com.saypro.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.exporter.ExporterLoader;
import com.saypro.monitor.core.exporter.LoadedExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The log exporter's config reader under random and mutated YAML: a valid config with random key names and values
 * at every level, wrong types, huge strings, odd unicode, broken YAML, hostile {@code log_format} strings and
 * regexes. Whatever the input, reading it (the core's YAML loader and collector switches, then the exporter's
 * {@code create}) either yields a running config or throws {@link ConfigException} whose message starts with
 * {@code file:line:}; never another exception, never a hang; and a rejected config leaves no file open, no tailing
 * thread running and nothing written next to the config file.
 */
class ConfigFuzzTest {

    /** Generous: a good or bad config is read in milliseconds; this only turns a hang into a failure. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private static Path root;

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("saypro-config-fuzz-");
    }

    @AfterContainer
    static void deleteRoot() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Example
    void theBaseConfigIsValid() {
        assertThat(read(FlowYaml.write(ConfigTrees.base()))).as("the base config is accepted").isTrue();
    }

    @Property(tries = 400)
    void mutatedTreesYieldAConfigOrAFileLineError(@ForAll("mutatedTrees") String yaml) {
        read(yaml);
    }

    @Property(tries = 400)
    void brokenTextYieldsAConfigOrAFileLineError(@ForAll("brokenText") String yaml) {
        read(yaml);
    }

    @Provide
    Arbitrary<String> mutatedTrees() {
        return TreeMutation.arbitrary().list().ofMinSize(1).ofMaxSize(4).map(mutations -> {
            Object tree = ConfigTrees.base();
            for (TreeMutation mutation : mutations) {
                tree = mutation.apply(tree);
            }
            return FlowYaml.write(tree);
        });
    }

    @Provide
    Arbitrary<String> brokenText() {
        return Arbitraries.oneOf(
                TextEdit.arbitrary().list().ofMinSize(1).ofMaxSize(3).map(edits -> {
                    String text = ConfigTrees.blockYaml();
                    for (TextEdit edit : edits) {
                        text = edit.apply(text);
                    }
                    return text;
                }),
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]:-,'\"&*!|>%@`#? \n\t$\\").ofMaxLength(200));
    }

    /** Reads {@code yaml} as the exporter would; true if it was accepted. Asserts the contract either way. */
    private static boolean read(String yaml) {
        Path dir;
        Path config;
        try {
            dir = Files.createTempDirectory(root, "try-");
            config = Files.write(dir.resolve("config.yml"), yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Outcome outcome = assertTimeoutPreemptively(HANG, () -> load(config), () -> "reading hangs on:\n" + yaml);
        if (outcome.error() != null) {
            // file:line: what, or for the file as a whole (over the 4 MiB cap, which the fuzzer's repeated values
            // can reach) its path and what
            assertThat(outcome.error().getMessage()).as("the message of a rejected config, for:\n%s", yaml)
                    .matches("(?s)(config\\.yml:[1-9][0-9]*|/.*/config\\.yml): .+");
            assertThat(filesIn(dir)).as("a rejected config writes nothing, for:\n%s", yaml)
                    .containsExactly("config.yml");
            // a thread of the previous (accepted) config may still be exiting after its pool terminated
            com.saypro.monitor.core.testkit.Await.until("no tailing thread after a rejected config, for:\n" + yaml,
                    java.time.Duration.ofSeconds(10), () -> tailingThreads().isEmpty());
        }
        assertThat(openFilesUnder(dir)).as("nothing stays open, for:\n%s", yaml).isEmpty();
        return outcome.error() == null;
    }

    private record Outcome(ConfigException error) {
    }

    private static Outcome load(Path config) {
        try (CollectorWorkers workers = new CollectorWorkers()) {
            ExporterLoader loader = new ExporterLoader(new LogsExporterDefinition(), Optional.of(config),
                    new ConfigLoader(name -> name.equals("HOME") ? "/home/fuzz" : null), Clock.systemUTC(), workers,
                    false);
            LoadedExporter loaded = loader.load();
            loaded.close();
            return new Outcome(null);
        } catch (ConfigException e) {
            return new Outcome(e);
        }
    }

    private static List<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tailingThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("log-tail-")).toList();
    }

    /** Files this process holds open below {@code dir}, from /proc/self/fd (Linux, as the exporter's platform). */
    private static List<String> openFilesUnder(Path dir) {
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(dir)) {
                        open.add(target.toString());
                    }
                } catch (IOException e) {
                    // the fd closed between listing and reading: not open
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open;
    }
}
