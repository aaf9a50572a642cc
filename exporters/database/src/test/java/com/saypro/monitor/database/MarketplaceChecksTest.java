package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.database.testdb.LogCapture;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.database.testdb.SharedServers;
import com.saypro.monitor.database.testdb.Sql;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled marketplace checks on a real database made from {@code demo/schema/}, first clean,
 * then with deliberately broken rows for each integrity rule; plus a check with the wrong columns,
 * which fails alone.
 */
class MarketplaceChecksTest {
  private static final String BAD_CHECK = """
      checks:
        - name: wrong_columns
          query: SELECT 1 AS something_else
          values: [expected]
      """;

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void integrityViolationsAreCountedAndBusinessChecksReportTheMarketplace(String engine) throws Exception {
    MutableClock clock = MutableClock.startingNow();
    try (SharedServers.Database db = engine.equals("postgresql") ? SharedServers.postgres() : SharedServers.mariadb();
        Sql admin = db.admin();
        LogCapture logs = new LogCapture()) {
      boolean pg = engine.equals("postgresql");
      String tenMinutesAgo = pg ? "now() - interval '10 minutes'" : "NOW(3) - INTERVAL 10 MINUTE";
      admin.run(
          "INSERT INTO users (id, email, password_hash, display_name) VALUES (1, 'a@example.com', 'x', 'A'), (2, 'b@example.com', 'x', 'B')",
          "INSERT INTO products (id, sku, name, category, price_cents) VALUES (1, 'S1', 'Mug', 'home', 900), (2, 'S2', 'Pen', 'office', 150)",
          "INSERT INTO inventory (product_id, quantity) VALUES (1, 5), (2, 0)",
          "INSERT INTO orders (id, order_number, user_id, status, placed_at, paid_at) VALUES"
              + " (1, 'A-1', 1, 'paid', " + tenMinutesAgo + ", " + tenMinutesAgo + "),"
              + " (2, 'A-2', 2, 'placed', " + tenMinutesAgo + ", NULL)",
          "INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents) VALUES (1, 1, 1, 900)",
          "INSERT INTO payments (order_id, gateway, status, error_code, amount_cents) VALUES"
              + " (1, 'sandbox', 'succeeded', NULL, 900), (2, 'cardpay', 'failed', 'declined', 150),"
              + " (2, 'cardpay', 'failed', 'declined', 150), (2, 'walletpay', 'failed', 'timeout', 150)");

      try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition())
          .clock(clock)
          .config("check_files: [bundled:marketplace, bad-checks.yml]\ntargets:\n" + db.targetYaml("shop", ""))
          .directory(badCheckDirectory())
          .start()) {
        Scrape clean = kit.scrape();
        for (String check : new String[] {"orders_without_user", "order_lines_missing_product", "negative_inventory",
            "payments_without_order", "duplicate_order_numbers"}) {
          assertThat(clean.value("saypro_data_integrity_violations", "target", "shop", "check", check)).as(check).isZero();
          assertThat(clean.value("saypro_db_check_success", "target", "shop", "check", check)).as(check).isEqualTo(1.0);
        }
        assertThat(clean.value("saypro_db_check_value", "check", "payments_failed_5m", "gateway", "cardpay", "error_code", "declined"))
            .isEqualTo(2.0);
        assertThat(clean.value("saypro_db_check_value", "check", "payments_failed_5m", "gateway", "walletpay", "error_code", "timeout"))
            .isEqualTo(1.0);
        assertThat(clean.value("saypro_db_check_value", "check", "orders_placed_last_minute", "column", "orders")).isZero();
        assertThat(clean.value("saypro_db_check_value", "check", "oldest_unpaid_order", "column", "age_seconds"))
            .isBetween(590.0, 900.0);

        // the check with the wrong columns fails alone, with a clear log line and a failure metric
        assertThat(clean.value("saypro_db_check_success", "check", "wrong_columns")).isZero();
        assertThat(clean.value("saypro_db_check_failures_total", "check", "wrong_columns")).isEqualTo(1.0);
        assertThat(clean.value("saypro_scrape_collector_success", "collector", "checks")).isEqualTo(1.0);
        assertThat(logs.warnings()).anySatisfy(line -> assertThat(line)
            .contains("check wrong_columns on target shop failed")
            .contains("[something_else]")
            .contains("column expected is missing")
            .contains("bad-checks.yml:2"));

        admin.run(
            "INSERT INTO orders (id, order_number, user_id, status) VALUES (3, 'B-1', NULL, 'cart'), (4, 'B-2', 999, 'placed')",
            "INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents) VALUES (1, 999, 1, 100)",
            "INSERT INTO inventory (product_id, quantity) VALUES (3, -4)",
            "INSERT INTO payments (order_id, gateway, status, amount_cents) VALUES (NULL, 'sandbox', 'succeeded', 1), (9999, 'sandbox', 'succeeded', 1)",
            "INSERT INTO orders (id, order_number, user_id, status) VALUES (5, 'A-1', 1, 'cart'), (6, 'A-1', 1, 'cart')");

        Scrape cached = kit.scrape();
        assertThat(cached.value("saypro_data_integrity_violations", "check", "negative_inventory"))
            .as("served from cache within min_interval").isZero();
        assertThat(cached.value("saypro_db_check_age_seconds", "check", "negative_inventory")).isGreaterThanOrEqualTo(0.0);

        clock.advance(Duration.ofMinutes(6));
        Scrape broken = kit.scrape();
        assertThat(broken.value("saypro_data_integrity_violations", "check", "orders_without_user")).isEqualTo(2.0);
        assertThat(broken.value("saypro_data_integrity_violations", "check", "order_lines_missing_product")).isEqualTo(1.0);
        assertThat(broken.value("saypro_data_integrity_violations", "check", "negative_inventory")).isEqualTo(1.0);
        assertThat(broken.value("saypro_data_integrity_violations", "check", "payments_without_order")).isEqualTo(2.0);
        assertThat(broken.value("saypro_data_integrity_violations", "check", "duplicate_order_numbers")).isEqualTo(2.0);
        assertThat(broken.value("saypro_db_check_failures_total", "check", "wrong_columns")).isEqualTo(2.0);
        assertThat(broken.value("saypro_db_check_failures_total", "check", "negative_inventory")).isZero();
      }
    }
  }

  private static java.nio.file.Path badCheckDirectory() throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("saypro-checks-");
    java.nio.file.Files.writeString(dir.resolve("bad-checks.yml"), BAD_CHECK);
    return dir;
  }
}
