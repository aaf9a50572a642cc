package com.saypro.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.cli.Commands;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code saypro-monitor logs --one-shot}: real files read once, the metrics on stdout, nothing persisted. */
class OneShotTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Commands.build(List.of(new LogsExporterDefinition()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path config(String yaml) throws Exception {
        return Files.writeString(dir.resolve("logs.yml"), yaml);
    }

    @Test
    void printsTheCountsOfEveryLineAndWritesNoState() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            log.append(AccessLines.get("/cart/items/" + i, "0.030"));
        }
        for (int i = 0; i < 300; i++) {
            log.append(AccessLines.line("POST", "/checkout?step=" + i, 502, 10, "0.200", "127.0.0.1:8491", "0.199"));
        }
        log.append("this is not an access log line\n");
        Files.writeString(dir.resolve("access.log"), log, StandardCharsets.UTF_8);
        Path config = config("""
                sources:
                  - name: access
                    preset: marketplace_access
                    paths: [access.log]
                """);

        int code = run("logs", "--one-shot", "--config.file=" + config);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("saypro_http_requests_total{method=\"GET\",route=\"cart\",status_class=\"2xx\"} 700.0")
                .contains("saypro_http_requests_total{method=\"POST\",route=\"checkout\",status_class=\"5xx\"} 300.0")
                .contains("saypro_http_request_duration_seconds_count{route=\"checkout\"} 300")
                .contains("saypro_http_request_duration_seconds_bucket{route=\"cart\",le=\"0.05\"} 700")
                .contains("saypro_log_lines_read_total{path=\"" + dir.resolve("access.log") + "\",source=\"access\"} 1001.0")
                .contains("saypro_log_parse_failures_total{path=\"" + dir.resolve("access.log") + "\",source=\"access\"} 1.0")
                .doesNotContain("jvm_")
                .doesNotContain("saypro_exporter_build_info");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> dir.relativize(p).toString()))
                    .as("no state directory, no checkpoint, no lock").containsExactlyInAnyOrder("", "access.log", "logs.yml");
        }
    }

    @Test
    void theLaunchersPathWithoutPicocliPrintsTheSame() throws Exception {
        Files.writeString(dir.resolve("access.log"), AccessLines.get("/cart/items/7", "0.030").repeat(40)
                + "not an access log line\n");
        Path config = config("""
                sources:
                  - name: access
                    preset: marketplace_access
                    paths: [access.log]
                """);
        String[] args = {"logs", "--one-shot", "--config.file", config.toString()};
        StringWriter fastOut = new StringWriter();
        StringWriter fastErr = new StringWriter();

        OptionalInt fast = Commands.runOneShot(args, List.of(new LogsExporterDefinition()),
                new PrintWriter(fastOut, true), new PrintWriter(fastErr, true));

        assertThat(fast).as("taken without picocli").hasValue(run(args));
        assertThat(fastErr.toString()).isEqualTo(err.toString()).isEmpty();
        assertThat(withoutDurations(fastOut.toString())).isEqualTo(withoutDurations(out.toString()))
                .contains("saypro_http_requests_total{method=\"GET\",route=\"cart\",status_class=\"2xx\"} 40.0")
                .contains("saypro_log_parse_failures_total{path=\"" + dir.resolve("access.log") + "\",source=\"access\"} 1.0");
    }

    /** How long collecting took and the checkpoint's age differ between two runs; nothing else may. */
    private static String withoutDurations(String text) {
        return String.join("\n", text.lines()
                .filter(line -> !line.contains("duration_seconds") && !line.contains("checkpoint_age_seconds")).toList());
    }

    @Test
    void readsFromTheStartWhateverTheConfigOrTheStateFileSay() throws Exception {
        Files.writeString(dir.resolve("access.log"), AccessLines.get("/search", "0.010").repeat(5));
        Path config = config("""
                state_directory: state
                sources:
                  - name: access
                    preset: marketplace_access
                    paths: [access.log]
                    start_position: end
                """);

        assertThat(run("logs", "--one-shot", "--config.file=" + config)).as(err.toString()).isZero();
        assertThat(run("logs", "--one-shot", "--config.file=" + config)).as(err.toString()).isZero();

        assertThat(out.toString().lines().filter(l -> l.startsWith(
                "saypro_http_requests_total{method=\"GET\",route=\"search\",status_class=\"2xx\"} 5.0")))
                .as("each run counts the whole file").hasSize(2);
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void aBadConfigIsOneLineOnStderrAndExitCodeOne() throws Exception {
        Path config = config("""
                sources:
                  - name: access
                    paths: [access.log]
                    parser: xml
                """);

        int code = run("logs", "--one-shot", "--config.file=" + config);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).isEqualTo("saypro-monitor logs: logs.yml:4: sources[0].parser: \"xml\" is"
                + " not a parser (use combined, common, json, nginx (with log_format), regex (with regex))");
    }

    @Test
    void aMissingConfigFileFails() {
        int code = run("logs", "--one-shot", "--config.file=" + dir.resolve("nope.yml"));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("saypro-monitor logs: ").contains("nope.yml");
    }
}
