package com.saypro.monitor.security.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.security.SecurityExporterDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brute-force windows placed by the lines' own timestamps: a backlog already in the files when the exporter
 * starts counts in the counters, but only its lines within the window count in the window.
 */
class BruteForceBacklogTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @TempDir
    Path dir;

    private static String rfc3339(Instant at, String message) {
        return at.atOffset(ZoneOffset.UTC) + " web1 sshd[812]: " + message;
    }

    private static String failed(String address) {
        return "Failed password for root from " + address + " port 4711 ssh2";
    }

    private static String appFailure(Instant at, String address) {
        return "{\"ts\":\"" + at + "\",\"event\":\"login_failed\",\"user\":\"x@y\",\"user_type\":\"customer\","
                + "\"client_ip\":\"" + address + "\"}";
    }

    @Test
    void aBacklogCountsInTheCountersButOnlyItsRecentLinesInTheWindow() throws Exception {
        List<String> auth = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // an hour ago: outside the 10m window
            auth.add(rfc3339(NOW.minus(Duration.ofMinutes(60)).plusSeconds(i), failed("203.0.113.9")));
        }
        for (int i = 0; i < 3; i++) { // five minutes ago: inside
            auth.add(rfc3339(NOW.minus(Duration.ofMinutes(5)), failed("198.51.100.7")));
        }
        // traditional syslog (local time, no year): two days ago, and two minutes ago
        auth.add(SYSLOG.format(NOW.minus(Duration.ofDays(2))) + " web1 sshd[812]: " + failed("192.0.2.1"));
        auth.add(SYSLOG.format(NOW.minus(Duration.ofMinutes(2))) + " web1 sshd[812]: " + failed("192.0.2.2"));
        Files.write(dir.resolve("auth.log"), auth);
        Files.write(dir.resolve("app.log"), List.of(
                appFailure(NOW.minus(Duration.ofHours(3)), "203.0.113.50"),
                appFailure(NOW.minus(Duration.ofHours(3)), "203.0.113.50"),
                appFailure(NOW.minus(Duration.ofMinutes(1)), "203.0.113.51"),
                "{\"event\":\"login_failed\",\"user_type\":\"customer\",\"client_ip\":\"203.0.113.52\"}"));

        MutableClock clock = new MutableClock(NOW);
        try (ExporterTestKit kit = ExporterTestKit.builder(new SecurityExporterDefinition()).directory(dir)
                .clock(clock).config(SecurityLogsTest.CONFIG).start()) {
            Scrape[] last = new Scrape[1];
            Await.until("the backlog is read", Duration.ofSeconds(10), () -> {
                last[0] = kit.scrape();
                return last[0].maybe("saypro_security_ssh_logins_total", "outcome", "failure", "method", "password",
                        "reason", "wrong_credentials").orElse(-1) == 11
                        && last[0].maybe("saypro_security_app_logins_total", "role", "customer", "outcome",
                                "failure").orElse(-1) == 4;
            });
            Scrape scrape = last[0];
            assertThat(scrape.value("saypro_security_bruteforce_sources", "log", "ssh"))
                    .as("203.0.113.9's six failures are an hour old").isEqualTo(1);
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "ssh", "source",
                    "198.51.100.7")).isEqualTo(3);
            assertThat(scrape.maybe("saypro_security_bruteforce_top_source_failures", "log", "ssh", "source",
                    "203.0.113.9")).isEmpty();
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "ssh", "source",
                    "other")).as("192.0.2.2 (two minutes ago) beyond the top 2; 192.0.2.1 is two days old")
                    .isEqualTo(0);
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "ssh", "source",
                    "192.0.2.2")).isEqualTo(1);
            assertThat(scrape.maybe("saypro_security_bruteforce_top_source_failures", "log", "app", "source",
                    "203.0.113.50")).as("three hours old").isEmpty();
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "app", "source",
                    "203.0.113.51")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "app", "source",
                    "203.0.113.52")).as("no ts: the clock").isEqualTo(1);

            clock.advance(Duration.ofMinutes(6)); // 198.51.100.7's failures (5 min old at start) leave the window
            scrape = kit.scrape();
            assertThat(scrape.value("saypro_security_bruteforce_sources", "log", "ssh")).isZero();
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "ssh", "source",
                    "192.0.2.2")).isEqualTo(1);
        }
    }

    @Test
    void timestampsInBothSyslogFormsAndTheMarketplaceForm() {
        long now = Instant.parse("2027-01-01T00:05:00Z").toEpochMilli();
        assertThat(LineTime.parse("Dec 31 23:59:00", ZoneOffset.UTC, now))
                .as("no year: last year's December").isEqualTo(Instant.parse("2026-12-31T23:59:00Z").toEpochMilli());
        assertThat(LineTime.parse("Jan  1 00:04:00", ZoneOffset.UTC, now))
                .isEqualTo(Instant.parse("2027-01-01T00:04:00Z").toEpochMilli());
        assertThat(LineTime.parse("Jan  1 00:04:00", ZoneOffset.ofHours(2), now))
                .isEqualTo(Instant.parse("2026-12-31T22:04:00Z").toEpochMilli());
        assertThat(LineTime.parse("Feb 29 12:00:00", ZoneOffset.UTC, now))
                .as("the latest leap year").isEqualTo(Instant.parse("2024-02-29T12:00:00Z").toEpochMilli());
        assertThat(LineTime.parse("2024-11-24T02:11:06.123456+01:00", ZoneOffset.UTC, now))
                .isEqualTo(Instant.parse("2024-11-24T01:11:06.123456Z").toEpochMilli());
        assertThat(LineTime.parse("2026-11-24T10:00:00.123Z", ZoneOffset.UTC, now))
                .isEqualTo(Instant.parse("2026-11-24T10:00:00.123Z").toEpochMilli());
        assertThat(LineTime.parse("Foo 24 02:11:06", ZoneOffset.UTC, now)).isEqualTo(LineTime.NONE);
        assertThat(LineTime.parse("2026-13-24T10:00:00Z", ZoneOffset.UTC, now)).isEqualTo(LineTime.NONE);
        assertThat(new AuthLogParser().parse("Nov  4 02:11:06 web1 sshd[1]: x")).isInstanceOfSatisfying(
                com.saypro.monitor.logengine.parse.ParseResult.Parsed.class,
                p -> assertThat(p.fields().get("time")).isEqualTo("Nov  4 02:11:06"));
    }
}
