package com.saypro.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files, rotated the way logrotate and nginx rotate them, followed by the running exporter in the background;
 * the engine's own tests cover every rotation case in depth, these show the exporter wires it up.
 */
class TailingTest {

    private static final String ACCESS = """
            sources:
              - name: access
                preset: marketplace_access
                paths: [access.log]
            """;

    @TempDir
    Path dir;

    private ExporterTestKit start(String config) throws Exception {
        return ExporterTestKit.builder(new LogsExporterDefinition()).directory(dir).config(config).start();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static double requests(Scrape scrape) {
        return scrape.find("saypro_http_requests_total").stream().mapToDouble(Scrape.Sample::value).sum();
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(AccessLines.get("/products/" + prefix + i, "0.010"));
        }
        return text.toString();
    }

    @Test
    void renameAndCreateLosesNothingIncludingLinesWrittenToTheOldFileAfterTheRename() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, lines("a", 3));
        try (ExporterTestKit kit = start(ACCESS)) {
            Await.until("3 requests", () -> requests(kit.scrape()) == 3);
            // logrotate "create": rename, new empty file; nginx writes to the old file until it reopens (USR1)
            Files.move(log, dir.resolve("access.log.1"));
            Files.createFile(log);
            append(dir.resolve("access.log.1"), lines("b", 2));
            append(log, lines("c", 4));

            Await.until("9 requests", () -> requests(kit.scrape()) == 9);
            Scrape scrape = kit.scrape();
            assertThat(scrape.value("saypro_log_rotations_total", "source", "access", "path", path("access.log")))
                    .isEqualTo(1);
            assertThat(scrape.value("saypro_log_lines_read_total", "source", "access", "path", path("access.log")))
                    .isEqualTo(9);
        }
    }

    @Test
    void copytruncateRestartsAtTheBeginningAndCountsTheTruncation() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, lines("first", 3));
        try (ExporterTestKit kit = start(ACCESS)) {
            Await.until("3 requests", () -> requests(kit.scrape()) == 3);
            // logrotate "copytruncate": copy, then truncate the file nginx keeps writing to
            Files.copy(log, dir.resolve("access.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            append(log, lines("second", 2));

            Await.until("5 requests", () -> requests(kit.scrape()) == 5);
            assertThat(kit.scrape().value("saypro_log_truncations_total", "source", "access", "path",
                    path("access.log"))).isEqualTo(1);
        }
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorMetricAndTheOtherFilesKeepGoing() throws Exception {
        // running as root, permissions do not stop a read; a directory where the log should be does
        Files.createDirectory(dir.resolve("broken.log"));
        append(dir.resolve("access.log"), lines("ok", 2));
        try (ExporterTestKit kit = start("""
                sources:
                  - name: access
                    preset: marketplace_access
                    paths: [access.log, broken.log, missing.log]
                """)) {
            Await.until("2 requests", () -> requests(kit.scrape()) == 2);
            append(dir.resolve("access.log"), lines("more", 3));
            Await.until("5 requests", () -> requests(kit.scrape()) == 5);

            Scrape scrape = kit.scrape();
            assertThat(scrape.value("saypro_log_file_error", "source", "access", "path", path("broken.log")))
                    .isEqualTo(1);
            assertThat(scrape.value("saypro_log_read_errors_total", "source", "access", "path", path("broken.log")))
                    .isPositive();
            assertThat(scrape.value("saypro_log_file_state", "source", "access", "path", path("broken.log"),
                    "state", "error")).isEqualTo(1);
            assertThat(scrape.value("saypro_log_file_error", "source", "access", "path", path("access.log")))
                    .isZero();
            assertThat(scrape.value("saypro_log_file_state", "source", "access", "path", path("missing.log"),
                    "state", "missing")).as("not created yet is not an error").isEqualTo(1);
            assertThat(scrape.value("saypro_scrape_collector_success", "collector", "tailing")).isEqualTo(1);
        }
    }

    @Test
    void reloadClosesTheOldPipelineWithAFinalCheckpointAndTheNewOneResumesThere() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, lines("before", 5));
        try (ExporterTestKit kit = start(ACCESS)) {
            Await.until("5 requests", () -> requests(kit.scrape()) == 5);
            kit.rewriteConfig(ACCESS + """
                        rules:
                          - {name: saypro_shop_product_views_total, labels: [method], when: [{field: route, equals: product_listing}]}
                    """);
            assertThat(kit.post("/-/reload").statusCode()).isEqualTo(200);
            append(log, lines("after", 3));

            Await.until("3 product views after the reload",
                    () -> kit.scrape().maybe("saypro_shop_product_views_total", "method", "GET").orElse(0) == 3);
            Scrape scrape = kit.scrape();
            assertThat(requests(scrape)).as("the new pipeline resumed at the old one's final checkpoint: nothing"
                    + " read twice").isEqualTo(3);
            assertThat(Files.readString(dir.resolve("saypro-state/logs/access.state.json")))
                    .contains(log.toString());
        }
    }

    @Test
    void theExpositionPassesPromtoolCheckMetrics() throws Exception {
        append(dir.resolve("access.log"), lines("p", 3) + "garbage\n");
        append(dir.resolve("app.log"), "{\"event\":\"payment_failed\",\"gateway\":\"sandbox\",\"error_code\":\"declined\"}\n"
                + "{\"event\":\"login_failed\",\"reason\":\"bad_password\"}\n");
        try (ExporterTestKit kit = start(ACCESS + """
                    rules:
                      - name: saypro_shop_request_seconds
                        type: histogram
                        value: request_time
                        buckets: [0.1, 1]
                        labels: [route, {name: site, value: shop}]
                  - name: app
                    preset: marketplace_app
                    paths: [app.log]
                """)) {
            Await.until("all lines read", () -> kit.scrape().find("saypro_log_lines_read_total").stream()
                    .mapToDouble(Scrape.Sample::value).sum() == 6);
            Scrape scrape = kit.scrape();
            assertThat(scrape.families()).contains("saypro_http_requests_total", "saypro_http_request_duration_seconds",
                    "saypro_app_payment_errors_total", "saypro_shop_request_seconds", "saypro_log_lines_read_total");
            Promtool.Result result = Promtool.checkMetrics(scrape.text());
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
    }

    @Test
    void embeddedDefaultsStartCleanlyWithNothingToTailAndCreateNothing() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        try (ExporterTestKit kit = ExporterTestKit.builder(new LogsExporterDefinition()).directory(dir).start()) {
            String access = workingDirectory.resolve("demo-data/logs/access.log").toString();
            Await.until("the demo access log is reported missing", () -> kit.scrape().maybe("saypro_log_file_state",
                    "source", "access", "path", access, "state", "missing").orElse(0) == 1);
            assertThat(kit.scrape().value("saypro_scrape_collector_success", "collector", "rules")).isEqualTo(1);
        }
        assertThat(workingDirectory.resolve("saypro-state")).as("no state without anything to remember")
                .doesNotExist();
    }
}
