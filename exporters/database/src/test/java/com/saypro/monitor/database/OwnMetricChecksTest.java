package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.database.testdb.SharedServers;
import com.saypro.monitor.database.testdb.Sql;
import org.junit.jupiter.api.Test;

/**
 * A gauge check with {@code metric:} feeds its own metric (what sql_exporter users expect) instead
 * of {@code saypro_db_check_value}, on {@code /metrics} and {@code /probe} alike.
 */
class OwnMetricChecksTest {

  @Test
  void aGaugeCheckWithAMetricNameFeedsThatMetric() throws Exception {
    try (SharedServers.Database db = SharedServers.postgres(); Sql admin = db.admin()) {
      admin.run(
          "INSERT INTO products (id, sku, name, category, price_cents) VALUES (1, 'S1', 'Mug', 'home', 900), (2, 'S2', 'Pen', 'office', 150), (3, 'S3', 'Ink', 'office', 90)");
      String config = """
          checks:
            - name: products_by_category
              help: Products in the catalogue, by category.
              metric: saypro_marketplace_products
              query: SELECT category, COUNT(*) AS products FROM products GROUP BY category
              labels: [category]
              values: [products]
            - name: price_range
              help: Cheapest and dearest product, in cents.
              metric: saypro_marketplace_price_cents
              query: SELECT MIN(price_cents) AS cheapest, MAX(price_cents) AS dearest FROM products
              values: [cheapest, dearest]
          targets:
          """ + db.targetYaml("shop", "");
      try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).config(config).start()) {
        Scrape scrape = kit.scrape();
        assertThat(scrape.value("saypro_marketplace_products", "target", "shop", "category", "office")).isEqualTo(2.0);
        assertThat(scrape.value("saypro_marketplace_products", "target", "shop", "category", "home")).isEqualTo(1.0);
        assertThat(scrape.value("saypro_marketplace_price_cents", "target", "shop", "column", "cheapest")).isEqualTo(90.0);
        assertThat(scrape.value("saypro_marketplace_price_cents", "target", "shop", "column", "dearest")).isEqualTo(900.0);
        assertThat(scrape.text()).doesNotContain("saypro_db_check_value{");
        assertThat(scrape.text()).contains("# HELP saypro_marketplace_products Products in the catalogue, by category.");
        assertThat(scrape.value("saypro_scrape_collector_success", "collector", "checks")).isEqualTo(1.0);

        Scrape probe = Scrape.parse(kit.get("/probe?target=shop").body());
        assertThat(probe.value("saypro_marketplace_products", "target", "shop", "category", "office")).isEqualTo(2.0);
        assertThat(probe.value("saypro_scrape_collector_success", "collector", "checks")).isEqualTo(1.0);
      }
    }
  }
}
