package com.saypro.monitor.security.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.security.SecurityExporterDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter tailing auth, app, eve.json and fail2ban logs in the background, scraped over HTTP. */
class SecurityLogsTest {

    static final String CONFIG = """
            poll_interval: 20ms
            bruteforce: {window: 10m, threshold: 3, top_sources: 2}
            sources:
              - {name: auth, preset: auth, paths: [auth.log]}
              - {name: app, preset: marketplace_app_security, paths: [app.log]}
              - {name: suricata, preset: suricata_eve, paths: [eve.json]}
              - {name: fail2ban, preset: fail2ban, paths: [fail2ban.log]}
            file_integrity: {state_file: state/fi.json}
            """;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

    private ExporterTestKit start() throws Exception {
        return ExporterTestKit.builder(new SecurityExporterDefinition()).directory(dir).clock(clock).config(CONFIG)
                .start();
    }

    private void append(String file, String... lines) throws Exception {
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String failed(String user, String address) {
        return "Nov 24 02:11:06 web1 sshd[812]: Failed password for " + user + " from " + address
                + " port 4711 ssh2";
    }

    private static String accepted(String user, String address) {
        return "Nov 24 02:11:06 web1 sshd[812]: Accepted publickey for " + user + " from " + address
                + " port 4711 ssh2: ED25519 SHA256:x";
    }

    private static Scrape await(ExporterTestKit kit, String name, double value, String... labels) {
        Scrape[] last = new Scrape[1];
        Await.until(name + " = " + value, Duration.ofSeconds(10), () -> {
            last[0] = kit.scrape();
            return last[0].maybe(name, labels).orElse(-1) == value;
        });
        return last[0];
    }

    @Test
    void sshAndSudoLinesBecomeTheContractsCounters() throws Exception {
        try (ExporterTestKit kit = start()) {
            append("auth.log",
                    "Nov 24 02:11:06 web1 sshd[812]: Invalid user admin from 203.0.113.9 port 4711",
                    "Nov 24 02:11:06 web1 sshd[812]: Failed password for invalid user admin from 203.0.113.9 port 4711"
                            + " ssh2",
                    failed("root", "203.0.113.9"),
                    accepted("deploy", "10.0.0.5"),
                    "Nov 24 02:11:06 web1 sudo:    deploy : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/usr/bin/id",
                    "Nov 24 02:11:06 web1 sudo:    deploy : 1 incorrect password attempt ; TTY=pts/0 ; PWD=/ ;"
                            + " USER=root ; COMMAND=/usr/bin/id",
                    "not a syslog line");
            Scrape scrape = await(kit, "saypro_security_sudo_total", 1, "outcome", "failure");
            assertThat(scrape.value("saypro_security_ssh_logins_total", "outcome", "failure", "method", "password",
                    "reason", "invalid_user")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_ssh_logins_total", "outcome", "failure", "method", "password",
                    "reason", "wrong_credentials")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_ssh_logins_total", "outcome", "success", "method", "publickey",
                    "reason", "ok")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_ssh_invalid_users_total")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_sudo_total", "outcome", "success")).isEqualTo(1);
            assertThat(scrape.value("saypro_log_lines_skipped_total", "source", "auth", "reason", "parse_error"))
                    .as("the malformed line is counted and skipped").isEqualTo(1);
            assertThat(scrape.text()).doesNotContain("deploy").doesNotContain("admin\"");
            assertThat(Promtool.checkMetrics(scrape.text()).exitCode()).isZero();
        }
    }

    @Test
    void bruteForceWindowTopSourcesAndNewSourceLogins() throws Exception {
        try (ExporterTestKit kit = start()) {
            for (int i = 0; i < 5; i++) {
                append("auth.log", failed("root", "203.0.113.9"));
            }
            for (int i = 0; i < 3; i++) {
                append("auth.log", failed("root", "198.51.100.7"));
            }
            append("auth.log", failed("root", "192.0.2.1"), failed("root", "192.0.2.2"));
            Scrape scrape = await(kit, "saypro_security_bruteforce_top_source_failures", 2, "log", "ssh", "source",
                    "other");
            assertThat(scrape.value("saypro_security_bruteforce_sources", "log", "ssh")).isEqualTo(2);
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "ssh", "source",
                    "203.0.113.9")).isEqualTo(5);
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "ssh", "source",
                    "198.51.100.7")).isEqualTo(3);
            assertThat(scrape.find("saypro_security_bruteforce_top_source_failures", "log", "ssh")).hasSize(3);
            assertThat(scrape.value("saypro_security_bruteforce_sources", "log", "app")).isZero();

            clock.advance(Duration.ofMinutes(11));
            scrape = kit.scrape();
            assertThat(scrape.value("saypro_security_bruteforce_sources", "log", "ssh")).as("window passed")
                    .isZero();

            append("auth.log", accepted("deploy", "10.0.0.5"), accepted("deploy", "10.0.0.5"),
                    accepted("root", "10.0.0.5"), accepted("deploy", "10.0.0.6"));
            scrape = await(kit, "saypro_security_new_source_logins_total", 1, "log", "ssh", "role", "user");
            assertThat(scrape.maybe("saypro_security_new_source_logins_total", "log", "ssh", "role", "root"))
                    .isEmpty();
        }
    }

    @Test
    void applicationLogLoginsResetsAndAdminDenials() throws Exception {
        try (ExporterTestKit kit = start()) {
            append("app.log",
                    "{\"level\":\"warn\",\"event\":\"login_failed\",\"route\":\"login\",\"user\":\"admin@saypro.example\","
                            + "\"user_type\":\"admin\",\"reason\":\"bad_password\",\"client_ip\":\"203.0.113.9\"}",
                    "{\"event\":\"login_failed\",\"user\":\"x@y\",\"user_type\":\"unknown\",\"reason\":\"unknown_user\","
                            + "\"client_ip\":\"203.0.113.9\"}",
                    "{\"event\":\"login_succeeded\",\"user\":\"a@b\",\"user_type\":\"customer\",\"client_ip\":\"10.0.0.1\"}",
                    "{\"event\":\"login_succeeded\",\"user\":\"a@b\",\"user_type\":\"customer\",\"client_ip\":\"10.0.0.2\"}",
                    "{\"event\":\"password_reset_requested\",\"user\":\"a@b\",\"outcome\":\"sent\"}",
                    "{\"event\":\"access_denied\",\"path\":\"/admin\",\"user\":\"a@b\",\"reason\":\"not_admin\"}",
                    "{\"event\":\"access_denied\",\"path\":\"/api/admin/orders\",\"user\":\"-\"}",
                    "{\"event\":\"access_denied\",\"path\":\"/account\",\"user\":\"-\"}",
                    "{\"event\":\"login_failed\",");
            Scrape scrape = await(kit, "saypro_security_app_admin_access_denied_total", 2);
            assertThat(scrape.value("saypro_security_app_logins_total", "role", "admin", "outcome", "failure"))
                    .isEqualTo(1);
            assertThat(scrape.value("saypro_security_app_logins_total", "role", "unknown", "outcome", "failure"))
                    .isEqualTo(1);
            assertThat(scrape.value("saypro_security_app_logins_total", "role", "customer", "outcome", "success"))
                    .isEqualTo(2);
            assertThat(scrape.value("saypro_security_app_password_resets_total")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_new_source_logins_total", "log", "app", "role", "customer"))
                    .isEqualTo(1);
            assertThat(scrape.value("saypro_security_bruteforce_top_source_failures", "log", "app", "source",
                    "203.0.113.9")).isEqualTo(2);
            assertThat(scrape.value("saypro_log_lines_skipped_total", "source", "app", "reason", "parse_error"))
                    .isEqualTo(1);
            assertThat(scrape.text()).doesNotContain("a@b").doesNotContain("saypro.example");
        }
    }

    @Test
    void suricataAlertsAndFail2banBans() throws Exception {
        try (ExporterTestKit kit = start()) {
            append("eve.json",
                    "{\"timestamp\":\"2026-11-24T02:11:06.000000+0000\",\"event_type\":\"alert\",\"src_ip\":\"203.0.113.9\","
                            + "\"alert\":{\"action\":\"allowed\",\"signature_id\":2001219,\"signature\":\"ET SCAN"
                            + " Potential SSH Scan\",\"category\":\"Attempted Information Leak\",\"severity\":2}}",
                    "{\"event_type\":\"alert\",\"alert\":{\"category\":\"My Own Category 42\",\"severity\":1}}",
                    "{\"event_type\":\"flow\",\"flow\":{\"pkts_toserver\":3}}",
                    "{\"event_type\":\"alert\",\"alert\":{\"category\":\"Attempted Information Leak\",\"severity\":2}}");
            append("fail2ban.log",
                    "2026-11-24 02:11:06,123 fail2ban.filter         [812]: INFO    [sshd] Found 203.0.113.9",
                    "2026-11-24 02:11:07,001 fail2ban.actions        [812]: NOTICE  [sshd] Ban 203.0.113.9",
                    "2026-11-24 02:11:08,001 fail2ban.actions        [812]: NOTICE  [nginx-http-auth] Ban 198.51.100.7",
                    "2026-11-24 02:21:07,001 fail2ban.actions        [812]: NOTICE  [sshd] Unban 203.0.113.9",
                    "2026-11-24 02:22:00,001 fail2ban.actions        [812]: NOTICE  [sshd] Restore Ban 192.0.2.1");
            Scrape scrape = await(kit, "saypro_security_fail2ban_unbans_total", 1, "jail", "sshd");
            assertThat(scrape.value("saypro_security_fail2ban_bans_total", "jail", "sshd")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_fail2ban_bans_total", "jail", "nginx-http-auth")).isEqualTo(1);
            scrape = await(kit, "saypro_security_ids_alerts_total", 2, "severity", "medium", "category",
                    "Attempted Information Leak");
            assertThat(scrape.value("saypro_security_ids_alerts_total", "severity", "high", "category", "other"))
                    .isEqualTo(1);
            assertThat(scrape.find("saypro_security_ids_alerts_total")).hasSize(2);
            assertThat(scrape.maybe("saypro_log_lines_skipped_total", "source", "fail2ban", "reason", "parse_error")
                    .orElse(0)).isZero();
        }
    }
}
