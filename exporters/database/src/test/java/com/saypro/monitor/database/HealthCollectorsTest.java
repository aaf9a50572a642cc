package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.database.testdb.SharedServers;
import com.saypro.monitor.database.testdb.Sql;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every health collector against the real PostgreSQL and MariaDB of this machine, each watched by a
 * least-privilege user ({@code pg_monitor}; {@code PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT}),
 * through one exporter with both targets.
 */
class HealthCollectorsTest {
  static SharedServers.Database postgres;
  static SharedServers.Database mariadb;
  static ExporterTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    postgres = SharedServers.postgres();
    mariadb = SharedServers.mariadb();
    try (Sql pg = postgres.admin(); Sql my = mariadb.admin()) {
      for (int i = 0; i < 30; i++) {
        pg.run("CREATE TABLE filler_" + i + " (id int)", "INSERT INTO filler_" + i + " SELECT generate_series(1, " + (i * 50) + ")");
        my.run("CREATE TABLE filler_" + i + " (id int) ENGINE=InnoDB");
      }
      pg.run("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + postgres.user());
    }
    kit = ExporterTestKit.builder(new DatabaseExporterDefinition())
        .config("top_tables: 5\ntargets:\n" + postgres.targetYaml("pg", "") + mariadb.targetYaml("maria", ""))
        .start();
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (mariadb != null) {
      mariadb.close();
    }
  }

  @Test
  void everyHealthCollectorSucceedsOnBothEnginesAsALeastPrivilegeUser() {
    Scrape scrape = kit.scrape();
    for (String collector : CollectorCatalog.names()) {
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", collector))
          .as(collector + " in\n" + scrape.text()).isEqualTo(1.0);
    }
    for (String target : new String[] {"pg", "maria"}) {
      assertThat(scrape.value("saypro_db_up", "target", target)).isEqualTo(1.0);
      assertThat(scrape.value("saypro_db_uptime_seconds", "target", target)).isPositive();
      assertThat(scrape.value("saypro_db_ping_seconds_count", "target", target)).isGreaterThanOrEqualTo(1.0);
      assertThat(scrape.value("saypro_db_connections_max", "target", target)).isPositive();
      assertThat(scrape.value("saypro_db_connections_saturation_ratio", "target", target)).isBetween(0.0, 1.0);
      assertThat(scrape.find("saypro_db_connections", "target", target)).isNotEmpty();
      assertThat(scrape.value("saypro_db_transactions_committed_total", "target", target)).isPositive();
      assertThat(scrape.maybe("saypro_db_deadlocks_total", "target", target)).isPresent();
      assertThat(scrape.value("saypro_db_lock_waiting_sessions", "target", target)).isGreaterThanOrEqualTo(0.0);
      assertThat(scrape.value("saypro_db_oldest_transaction_age_seconds", "target", target)).isGreaterThanOrEqualTo(0.0);
      assertThat(scrape.value("saypro_db_cache_hit_ratio", "target", target)).isBetween(0.0, 1.0);
      assertThat(scrape.value("saypro_db_replication_role_info", "target", target, "role", "primary")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_db_tables", "target", target)).isGreaterThanOrEqualTo(36.0);
    }
    assertThat(scrape.value("saypro_db_version_info", "target", "pg", "engine", "postgresql")).isEqualTo(1.0);
    assertThat(scrape.value("saypro_db_version_info", "target", "maria", "engine", "mariadb")).isEqualTo(1.0);
    assertThat(scrape.value("saypro_db_database_size_bytes", "target", "pg", "database", postgres.name())).isPositive();
    assertThat(scrape.find("saypro_db_pg_xid_age", "target", "pg")).isNotEmpty();
    assertThat(scrape.find("saypro_db_pg_checkpoints_total", "target", "pg")).hasSize(2);
    assertThat(scrape.find("saypro_db_pg_table_dead_tuples", "target", "pg")).hasSizeLessThanOrEqualTo(5);
    assertThat(scrape.value("saypro_db_mysql_threads_connected", "target", "maria")).isPositive();
    assertThat(scrape.find("saypro_db_mysql_aborted_connections_total", "target", "maria")).hasSize(2);
    assertThat(scrape.maybe("saypro_db_mysql_threads_connected", "target", "pg")).isEmpty();
  }

  @Test
  void tableSizesAreCappedToTopTablesWithTheRestSummed() {
    Scrape scrape = kit.scrape();
    // 36 tables (30 fillers + 6 marketplace tables): 5 series plus one for the rest
    assertThat(scrape.find("saypro_db_table_size_bytes", "target", "pg")).hasSize(6);
    assertThat(scrape.value("saypro_db_table_size_bytes", "target", "pg", "table", "(others)")).isPositive();
    assertThat(scrape.value("saypro_db_table_size_bytes", "target", "pg", "schema", "public", "table", "filler_29")).isPositive();
    assertThat(scrape.find("saypro_db_table_size_bytes", "target", "maria")).hasSize(6);
  }

  @Test
  void probeServesOneConfiguredTargetAndRefusesAnythingElse() {
    HttpResponse<String> probe = kit.get("/probe?target=maria");
    assertThat(probe.statusCode()).isEqualTo(200);
    Scrape scrape = Scrape.parse(probe.body());
    assertThat(scrape.value("saypro_db_up", "target", "maria")).isEqualTo(1.0);
    assertThat(scrape.find("saypro_db_up", "target", "pg")).isEmpty();
    assertThat(scrape.value("saypro_scrape_collector_success", "collector", "connections")).isEqualTo(1.0);

    HttpResponse<String> unknown = kit.get("/probe?target=jdbc:postgresql://10.0.0.1/x");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("maria, pg").doesNotContain("10.0.0.1");
    assertThat(kit.get("/probe").statusCode()).isEqualTo(400);
  }

  @Test
  void exposititionPassesPromtool() {
    Promtool.Result lint = Promtool.checkMetrics(kit.scrape().text());
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    Promtool.Result probe = Promtool.checkMetrics(kit.get("/probe?target=pg").body());
    assertThat(probe.exitCode()).as(probe.output()).isZero();
  }
}
