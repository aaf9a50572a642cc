package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.database.testdb.Sql;
import com.saypro.monitor.database.testdb.ThrowawayMariadb;
import com.saypro.monitor.database.testdb.ThrowawayPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replication collector on real replicas: a PostgreSQL streaming standby made with
 * {@code pg_basebackup -R}, and a MariaDB replica of a primary with a binary log, all private
 * servers on free loopback ports. Roles, connected replicas, replica threads and lag come from the
 * servers themselves; breaking replication (the PostgreSQL primary stopped, the MariaDB IO thread
 * stopped) shows on the replica's thread metric.
 */
class ReplicationTest {
  private static final String USER = "saypro_monitor";
  private static final String PASSWORD = "replication-pw";
  private static final String REPL_PASSWORD = "repl-pw";
  private static final Duration WAIT = Duration.ofSeconds(60);

  static ThrowawayPostgres pgPrimary;
  static ThrowawayPostgres pgReplica;
  static ThrowawayMariadb mariaPrimary;
  static ThrowawayMariadb mariaReplica;

  @BeforeAll
  static void servers() {
    pgPrimary = ThrowawayPostgres.start();
    pgPrimary.createMonitor(USER, PASSWORD); // replicated to the standby with the rest of the cluster
    pgReplica = ThrowawayPostgres.replicaOf(pgPrimary);

    mariaPrimary = ThrowawayMariadb.start(List.of("--server-id=1", "--log-bin=primary-bin", "--binlog-format=ROW"));
    mariaReplica = ThrowawayMariadb.start(List.of("--server-id=2", "--skip-log-bin", "--read-only"));
    mariaPrimary.createMonitor(USER, PASSWORD);
    try (Sql primary = mariaPrimary.admin()) {
      primary.run("CREATE USER 'repl'@'%' IDENTIFIED BY '" + REPL_PASSWORD + "'",
          "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'");
    }
    try (Sql replica = mariaReplica.admin()) {
      replica.run("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + mariaPrimary.port()
              + ", MASTER_USER='repl', MASTER_PASSWORD='" + REPL_PASSWORD + "', MASTER_USE_GTID=slave_pos",
          "START SLAVE");
    }
  }

  @AfterAll
  static void stopServers() {
    for (AutoCloseable server : new AutoCloseable[] {pgReplica, pgPrimary, mariaReplica, mariaPrimary}) {
      if (server != null) {
        try {
          server.close();
        } catch (Exception e) {
          // the others still get closed
        }
      }
    }
  }

  /** Scrapes (2 s apart on the exporter's clock, past every min_interval) until {@code done} holds; returns that scrape. */
  private static Scrape scrapeUntil(ExporterTestKit kit, MutableClock clock, String what, Predicate<Scrape> done) {
    AtomicReference<Scrape> last = new AtomicReference<>();
    Await.until(what, WAIT, () -> {
      clock.advance(Duration.ofSeconds(2));
      last.set(kit.scrape("X-Prometheus-Scrape-Timeout-Seconds", "10"));
      return done.test(last.get());
    });
    return last.get();
  }

  private static String target(String name, String engine, String url) {
    return "  - {name: " + name + ", engine: " + engine + ", url: \"" + url + "\", user: " + USER
        + ", password: " + PASSWORD + ", connect_timeout: 2s}\n";
  }

  private static String config() {
    return "targets:\n"
        + target("pg_primary", "postgresql", pgPrimary.url("postgres"))
        + target("pg_replica", "postgresql", pgReplica.url("postgres"))
        + target("maria_primary", "mysql", mariaPrimary.url(""))
        + target("maria_replica", "mysql", mariaReplica.url(""));
  }

  @Test
  void rolesThreadsLagAndConnectedReplicasComeFromRealReplicas() throws Exception {
    MutableClock clock = MutableClock.startingNow();
    try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).clock(clock).config(config()).start()) {
      // the MariaDB monitor user reaches the replica through the binary log
      Scrape healthy = scrapeUntil(kit, clock, "both replicas streaming", s ->
          s.maybe("saypro_db_replication_thread_running", "target", "pg_replica", "thread", "wal_receiver").orElse(0) == 1
              && s.maybe("saypro_db_replication_thread_running", "target", "maria_replica", "thread", "io").orElse(0) == 1
              && s.maybe("saypro_db_replication_thread_running", "target", "maria_replica", "thread", "sql").orElse(0) == 1);
      assertThat(healthy.value("saypro_db_replication_role_info", "target", "pg_primary", "role", "primary")).isEqualTo(1.0);
      assertThat(healthy.value("saypro_db_replication_role_info", "target", "pg_replica", "role", "replica")).isEqualTo(1.0);
      assertThat(healthy.value("saypro_db_replication_role_info", "target", "maria_primary", "role", "primary")).isEqualTo(1.0);
      assertThat(healthy.value("saypro_db_replication_role_info", "target", "maria_replica", "role", "replica")).isEqualTo(1.0);
      assertThat(healthy.value("saypro_db_replication_replicas_connected", "target", "pg_primary")).isEqualTo(1.0);
      assertThat(healthy.value("saypro_db_replication_replicas_connected", "target", "maria_primary")).isEqualTo(1.0);
      assertThat(healthy.value("saypro_db_replication_replicas_connected", "target", "pg_replica")).isZero();
      assertThat(healthy.value("saypro_db_replication_lag_seconds", "target", "pg_replica")).isGreaterThanOrEqualTo(0.0);
      assertThat(healthy.value("saypro_db_replication_lag_seconds", "target", "maria_replica")).isZero();
      assertThat(healthy.find("saypro_db_replication_lag_seconds", "target", "pg_primary")).isEmpty();
      assertThat(healthy.find("saypro_db_replication_thread_running", "target", "maria_primary")).isEmpty();

      try (Sql replica = mariaReplica.admin()) {
        replica.run("STOP SLAVE IO_THREAD");
      }
      pgPrimary.stopServer(false);
      Scrape broken = scrapeUntil(kit, clock, "replication broken on both replicas", s ->
          s.maybe("saypro_db_replication_thread_running", "target", "pg_replica", "thread", "wal_receiver").orElse(1) == 0
              && s.maybe("saypro_db_replication_thread_running", "target", "maria_replica", "thread", "io").orElse(1) == 0);
      assertThat(broken.value("saypro_db_replication_thread_running", "target", "maria_replica", "thread", "sql")).isEqualTo(1.0);
      assertThat(broken.value("saypro_db_replication_role_info", "target", "pg_replica", "role", "replica")).isEqualTo(1.0);
      assertThat(broken.value("saypro_db_up", "target", "pg_primary")).isZero();
      assertThat(broken.value("saypro_db_up", "target", "pg_replica")).isEqualTo(1.0);
    }
  }
}
