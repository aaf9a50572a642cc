package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.database.testdb.LogCapture;
import com.saypro.monitor.database.testdb.SharedServers;
import com.saypro.monitor.database.testdb.Sql;
import org.junit.jupiter.api.Test;

/**
 * The health collectors share one statement per scrape, but a part that fails still fails only its
 * own collector: here MariaDB refuses {@code INNODB_TRX} (the activity collector's part) to a user
 * without the PROCESS privilege, and every other collector, reading through the same shared read,
 * still succeeds, scrape after scrape.
 */
class SharedReadIsolationTest {
  @Test
  void aPartTheServerRefusesFailsOnlyItsCollector() throws Exception {
    try (SharedServers.Database db = SharedServers.mariadb(); LogCapture logs = new LogCapture()) {
      try (Sql admin = db.admin()) {
        admin.run("REVOKE PROCESS ON *.* FROM '" + db.user() + "'@'127.0.0.1'");
      }
      String config = "collectors:\n"
          + "  up: {min_interval: 0s}\n  connections: {min_interval: 0s}\n  activity: {min_interval: 0s}\n"
          + "  cache: {min_interval: 0s}\n  replication: {min_interval: 0s}\n  mysql: {min_interval: 0s}\n"
          + "targets:\n" + db.targetYaml("t", "");
      try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).config(config).start()) {
        for (int i = 0; i < 3; i++) {
          Scrape scrape = kit.scrape();
          assertThat(scrape.value("saypro_scrape_collector_success", "collector", "activity")).isZero();
          for (String collector : new String[] {"up", "connections", "cache", "replication", "mysql"}) {
            assertThat(scrape.value("saypro_scrape_collector_success", "collector", collector)).as(collector).isEqualTo(1.0);
          }
          assertThat(scrape.value("saypro_db_up", "target", "t")).isEqualTo(1.0);
          assertThat(scrape.value("saypro_db_connections_max", "target", "t")).isPositive();
          assertThat(scrape.maybe("saypro_db_oldest_transaction_age_seconds", "target", "t")).isEmpty();
        }
        assertThat(logs.warnings()).anySatisfy(line -> assertThat(line).contains("collector activity failed")
            .contains("target t").contains("PROCESS"));
      }
    }
  }
}
