package com.saypro.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One line of config per log, and the metrics the issue asks for come out of real log lines. */
class PresetsTest {

    @TempDir
    Path dir;

    private ExporterTestKit start(String config) throws Exception {
        return ExporterTestKit.builder(new LogsExporterDefinition()).directory(dir).config(config).start();
    }

    private static double linesRead(ExporterTestKit kit, String source) {
        return kit.scrape().find("saypro_log_lines_read_total", "source", source).stream()
                .mapToDouble(Scrape.Sample::value).sum();
    }

    @Test
    void accessPresetTurnsTheDemoAccessLogIntoRouteLatencyBytesAndUpstreamMetrics() throws Exception {
        Files.writeString(dir.resolve("access.log"), String.join("",
                AccessLines.line("POST", "/api/checkout", 201, 71, "0.204", "127.0.0.1:8492", "0.203"),
                AccessLines.line("POST", "/checkout", 200, 500, "0.080", "127.0.0.1:8491", "0.079"),
                AccessLines.line("GET", "/products/12?color=red", 200, 1000, "0.050", "127.0.0.1:8491", "0.049"),
                AccessLines.line("GET", "/search?q=lamp", 200, 2000, "0.300", "127.0.0.1:8493", "0.299"),
                AccessLines.line("POST", "/pay", 402, 90, "1.200", "127.0.0.1:8492", "1.199"),
                AccessLines.line("GET", "/healthz", 200, 30, "0.000", "-", "-"),
                AccessLines.line("BREW", "/coffee", 405, 0, "0.001", "127.0.0.1:8491", "0.001"),
                // a retry: the second backend answered, and only it is counted for the response
                AccessLines.line("GET", "/cart", 200, 10, "0.030", "127.0.0.1:8491, 127.0.0.1:8493", "0.010, 0.020")));
        try (ExporterTestKit kit = start("""
                sources:
                  - name: access
                    preset: marketplace_access
                    paths: [access.log]
                """)) {
            Await.until("8 lines read", () -> linesRead(kit, "access") == 8);
            Scrape scrape = kit.scrape();

            assertThat(scrape.value("saypro_http_requests_total", "route", "checkout", "method", "POST",
                    "status_class", "2xx")).isEqualTo(2);
            assertThat(scrape.value("saypro_http_requests_total", "route", "checkout", "method", "POST",
                    "status_class", "4xx")).as("POST /pay is the payment step of checkout").isEqualTo(1);
            assertThat(scrape.value("saypro_http_requests_total", "route", "product_listing", "method", "GET",
                    "status_class", "2xx")).isEqualTo(1);
            assertThat(scrape.value("saypro_http_requests_total", "route", "other", "method", "other",
                    "status_class", "4xx")).as("unknown methods are bounded").isEqualTo(1);
            assertThat(scrape.value("saypro_http_requests_total", "route", "checkout", "method", "POST",
                    "status_class", "5xx")).as("exposed at 0 before the first server error").isZero();
            assertThat(scrape.value("saypro_http_requests_total", "route", "payment_callback", "method", "GET",
                    "status_class", "2xx")).as("every route class starts at 0").isZero();
            assertThat(scrape.find("saypro_http_requests_total").stream().map(s -> s.labels().get("route")))
                    .allMatch(Set.of("checkout", "cart", "product_listing", "search", "payment_callback", "account",
                            "static", "other")::contains);

            Set<String> bounds = scrape.find("saypro_http_request_duration_seconds_bucket", "route", "checkout")
                    .stream().map(s -> s.labels().get("le")).collect(Collectors.toSet());
            assertThat(bounds).contains("0.1", "0.25", "0.5", "2.5", "+Inf").containsAnyOf("1", "1.0");
            assertThat(scrape.value("saypro_http_request_duration_seconds_bucket", "route", "checkout", "le", "0.1"))
                    .as("0.080 is within the 100 ms SLA target, 0.204 is not").isEqualTo(1);
            assertThat(scrape.value("saypro_http_request_duration_seconds_count", "route", "checkout")).isEqualTo(3);
            assertThat(scrape.value("saypro_http_response_bytes_total", "route", "search")).isEqualTo(2000);

            assertThat(scrape.value("saypro_http_upstream_requests_total", "upstream", "127.0.0.1:8491"))
                    .isEqualTo(3);
            assertThat(scrape.value("saypro_http_upstream_requests_total", "upstream", "127.0.0.1:8493"))
                    .isEqualTo(2);
            assertThat(scrape.find("saypro_http_upstream_requests_total", "upstream", "-")).isEmpty();
            assertThat(scrape.value("saypro_http_upstream_response_time_seconds_sum", "upstream", "127.0.0.1:8493"))
                    .isCloseTo(0.319, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(scrape.value("saypro_log_parse_failures_total", "source", "access", "path",
                    dir.resolve("access.log").toString())).isZero();
        }
    }

    @Test
    void accessPresetReadsRealNginxLinesWithTheirOwnLogFormat() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/nginx/access-main.log")) {
            Files.write(dir.resolve("access.log"), in.readAllBytes());
        }
        Files.writeString(dir.resolve("access.log"), "not an access log line\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (ExporterTestKit kit = start("""
                sources:
                  - name: nginx
                    preset: marketplace_access
                    paths: [access.log]
                    parser:
                      type: nginx
                      log_format: >-
                        log_format main '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
                                        '"$http_referer" "$http_user_agent" $request_time $upstream_addr $upstream_response_time';
                """)) {
            Await.until("11 lines read", () -> linesRead(kit, "nginx") == 11);
            Scrape scrape = kit.scrape();
            String path = dir.resolve("access.log").toString();
            assertThat(scrape.value("saypro_log_parse_failures_total", "source", "nginx", "path", path)).isEqualTo(1);
            assertThat(scrape.value("saypro_log_lines_skipped_total", "source", "nginx", "path", path, "reason",
                    "parse_error")).isEqualTo(1);
            assertThat(scrape.value("saypro_http_requests_total", "route", "payment_callback", "method", "GET",
                    "status_class", "2xx")).isEqualTo(1);
            assertThat(scrape.value("saypro_http_requests_total", "route", "account", "method", "GET",
                    "status_class", "2xx")).as("the UUID in the path is not a label").isEqualTo(1);
            assertThat(scrape.value("saypro_http_upstream_requests_total", "upstream", "127.0.0.1:18081"))
                    .as("every proxied request ended on :18081 (the :18099 attempts were retried)").isEqualTo(8);
            assertThat(scrape.find("saypro_http_upstream_requests_total", "upstream", "127.0.0.1:18099")).isEmpty();
        }
    }

    @Test
    void appPresetCountsPaymentListingAndAccountErrorsFromJsonLines() throws Exception {
        Files.writeString(dir.resolve("app.log"), String.join("\n",
                "{\"ts\":\"2026-11-24T10:00:00.123Z\",\"level\":\"error\",\"event\":\"payment_failed\",\"service\":"
                        + "\"marketplace\",\"instance\":\"backend-2\",\"msg\":\"payment of SP-7K2Q9D4M1X failed\","
                        + "\"route\":\"payment\",\"gateway\":\"sandbox\",\"error_code\":\"declined\","
                        + "\"order_number\":\"SP-7K2Q9D4M1X\",\"amount_cents\":1299,\"duration_ms\":3}",
                "{\"ts\":\"2026-11-24T10:00:01.000Z\",\"level\":\"error\",\"event\":\"payment_failed\","
                        + "\"gateway\":\"cardpay\",\"error_code\":\"timeout\",\"order_number\":\"SP-AAAAAAAAAA\"}",
                "{\"ts\":\"2026-11-24T10:00:02.000Z\",\"level\":\"error\",\"event\":\"payment_failed\","
                        + "\"gateway\":\"sandbox\",\"error_code\":\"declined\",\"order_number\":\"SP-BBBBBBBBBB\"}",
                "{\"ts\":\"2026-11-24T10:00:03.000Z\",\"level\":\"info\",\"event\":\"payment_succeeded\","
                        + "\"gateway\":\"sandbox\"}",
                "{\"level\":\"error\",\"event\":\"product_listing_error\",\"route\":\"search\","
                        + "\"error\":\"database_unavailable\",\"status\":503}",
                "{\"level\":\"warn\",\"event\":\"login_failed\",\"route\":\"login\",\"user\":\"x@saypro.example\","
                        + "\"user_type\":\"unknown\",\"reason\":\"unknown_user\",\"client_ip\":\"10.0.0.7\"}",
                "{\"level\":\"warn\",\"event\":\"registration_failed\",\"reason\":\"email_taken\"}",
                "{\"level\":\"error\",\"event\":\"password_reset_failed\",\"reason\":\"database_unavailable\"}",
                "{\"level\":\"info\",\"event\":\"login_succeeded\",\"user\":\"customer1@saypro.example\"}",
                "{broken json",
                "") );
        try (ExporterTestKit kit = start("""
                sources:
                  - name: app
                    preset: marketplace_app
                    paths: [app.log]
                """)) {
            Await.until("10 lines read", () -> linesRead(kit, "app") == 10);
            Scrape scrape = kit.scrape();
            assertThat(scrape.value("saypro_app_payment_errors_total", "gateway", "sandbox", "error_code",
                    "declined")).isEqualTo(2);
            assertThat(scrape.value("saypro_app_payment_errors_total", "gateway", "cardpay", "error_code",
                    "timeout")).isEqualTo(1);
            assertThat(scrape.value("saypro_app_product_listing_errors_total", "route", "search", "error",
                    "database_unavailable")).isEqualTo(1);
            assertThat(scrape.value("saypro_app_account_errors_total", "action", "login", "reason", "unknown_user"))
                    .isEqualTo(1);
            assertThat(scrape.value("saypro_app_account_errors_total", "action", "registration", "reason",
                    "email_taken")).isEqualTo(1);
            assertThat(scrape.value("saypro_app_account_errors_total", "action", "password_reset", "reason",
                    "database_unavailable")).isEqualTo(1);
            assertThat(scrape.find("saypro_app_account_errors_total")).hasSize(3);
            assertThat(scrape.text()).doesNotContain("x@saypro.example", "10.0.0.7", "SP-7K2Q9D4M1X");
            assertThat(scrape.value("saypro_log_parse_failures_total", "source", "app", "path",
                    dir.resolve("app.log").toString())).isEqualTo(1);
        }
    }
}
