package com.saypro.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded defaults start on this machine (files that do not exist are fine) and scrape cleanly. */
class DefaultsTest {

    @TempDir
    Path dir;

    @Test
    void embeddedDefaultsStartAndEveryCollectorSucceeds() throws Exception {
        String defaults;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(
                new SecurityExporterDefinition().defaultConfigResource()))) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the same file, with its relative paths (state, demo log) under a temporary folder
        try (ExporterTestKit kit = ExporterTestKit.builder(new SecurityExporterDefinition()).directory(dir)
                .config(defaults).start()) {
            Scrape scrape = kit.scrape();
            for (String collector : new String[] {"logs", "tailing", "certificates", "vulnerabilities",
                    "file_integrity"}) {
                assertThat(scrape.value("saypro_scrape_collector_success", "collector", collector)).as(collector)
                        .isEqualTo(1);
            }
            assertThat(scrape.value("saypro_security_bruteforce_sources", "log", "ssh")).isZero();
            assertThat(kit.post("/file-integrity/accept").statusCode()).isEqualTo(403);
            assertThat(Promtool.checkMetrics(scrape.text()).exitCode()).isZero();
        }
    }
}
