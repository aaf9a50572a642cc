package com.saypro.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A million unique URLs through the running exporter: memory and series stay at the cap, the loss is counted. */
class SeriesCapTest {

    private static final int URLS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionUniqueUrlsKeepTheSeriesCountAtTheCap() throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("access.log"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < URLS; i++) {
                out.write("/item/" + i + "?ref=" + i + " 200\n");
            }
        }
        String config = """
                sources:
                  - name: urls
                    paths: [access.log]
                    parser: {type: nginx, log_format: '$request_uri $status'}
                    rules:
                      - {name: saypro_test_paths_total, labels: [path], max_series: 100}
                      - {name: saypro_test_routes_total, labels: [route, status_class]}
                """;
        try (ExporterTestKit kit = ExporterTestKit.builder(new LogsExporterDefinition()).directory(dir).config(config)
                .start()) {
            Await.until("a million lines read", () -> kit.scrape().maybe("saypro_log_lines_read_total", "source",
                    "urls", "path", dir.resolve("access.log").toString()).orElse(0) == URLS);
            Scrape scrape = kit.scrape();
            assertThat(scrape.find("saypro_test_paths_total")).as("100 paths + the __overflow__ set").hasSize(101);
            assertThat(scrape.value("saypro_test_paths_total", "path", "__overflow__")).isEqualTo(URLS - 100);
            assertThat(scrape.value("saypro_log_series", "source", "urls", "metric", "saypro_test_paths_total"))
                    .isEqualTo(101);
            assertThat(scrape.value("saypro_log_series_overflow_total", "source", "urls", "metric",
                    "saypro_test_paths_total")).isEqualTo(URLS - 100);
            assertThat(scrape.find("saypro_test_routes_total")).as("route classes, not URLs").hasSize(1);
            assertThat(scrape.value("saypro_test_routes_total", "route", "product_listing", "status_class", "2xx"))
                    .isEqualTo(URLS);
        }
    }
}
