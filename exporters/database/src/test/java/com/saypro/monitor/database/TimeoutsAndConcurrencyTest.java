package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.database.testdb.LogCapture;
import com.saypro.monitor.database.testdb.SharedServers;
import com.saypro.monitor.database.testdb.Sql;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slow and locked queries are cut off by the server itself within the scrape budget and fail only
 * their check; many concurrent scrapes of a slow database never open more sessions than the pool.
 */
class TimeoutsAndConcurrencyTest {
  private static final String[] BUDGET_5S = {"X-Prometheus-Scrape-Timeout-Seconds", "5"};

  private static SharedServers.Database database(String engine) {
    return engine.equals("postgresql") ? SharedServers.postgres() : SharedServers.mariadb();
  }

  private static String sleep(String engine, double seconds) {
    return engine.equals("postgresql") ? "SELECT pg_sleep(" + seconds + ") IS NULL AS v" : "SELECT SLEEP(" + seconds + ") AS v";
  }

  private static int activeStatementsOf(SharedServers.Database db, String like) {
    try (Sql admin = db.admin()) {
      return (int) (db.engine().equals("postgresql")
          ? admin.number("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + db.user() + "' AND state = 'active' AND query LIKE '" + like + "'")
          : admin.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + db.user() + "' AND COMMAND = 'Query' AND INFO LIKE '" + like + "'"));
    }
  }

  private static int sessionsOf(Sql admin, SharedServers.Database db) {
    return (int) (db.engine().equals("postgresql")
        ? admin.number("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + db.user() + "'")
        : admin.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + db.user() + "'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void aSleepPastTheStatementTimeoutIsCancelledByTheServerWithinTheBudget(String engine) throws Exception {
    try (SharedServers.Database db = database(engine); LogCapture logs = new LogCapture()) {
      String config = "checks:\n  - {name: too_slow, query: \"" + sleep(engine, 30) + "\", values: [v], timeout: 20s}\n"
          + "targets:\n" + db.targetYaml("t", "    statement_timeout: 1s\n");
      try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).config(config).start()) {
        long start = System.nanoTime();
        HttpResponse<String> response = kit.get("/metrics", BUDGET_5S);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Scrape scrape = Scrape.parse(response.body());
        assertThat(scrape.value("saypro_db_check_success", "check", "too_slow")).isZero();
        assertThat(scrape.value("saypro_db_up", "target", "t")).isEqualTo(1.0);
        assertThat(scrape.value("saypro_scrape_collector_success", "collector", "connections")).isEqualTo(1.0);
        // the server, not just the client, ended it: the error is the server's, and nothing runs on
        assertThat(logs.warnings()).anySatisfy(line -> assertThat(line).contains("check too_slow on target t failed")
            .containsAnyOf("57014 ERROR: canceling statement due to statement timeout", "max_statement_time exceeded"));
        assertThat(activeStatementsOf(db, "%SLEEP(30)%")).isZero();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void aLockHeldByAnotherSessionFailsOnlyTheCheckThatWaitsForIt(String engine) throws Exception {
    try (SharedServers.Database db = database(engine); LogCapture logs = new LogCapture(); Sql locker = db.admin()) {
      Connection lockHolder = locker.connection();
      try (Statement statement = lockHolder.createStatement()) {
        if (engine.equals("postgresql")) {
          lockHolder.setAutoCommit(false);
          statement.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
        } else {
          statement.execute("LOCK TABLES orders WRITE");
        }
      }
      String config = "checks:\n  - {name: locked_out, query: \"SELECT COUNT(*) AS n FROM orders\", values: [n]}\n"
          + "  - {name: free, query: \"SELECT COUNT(*) AS n FROM products\", values: [n]}\n"
          + "targets:\n" + db.targetYaml("t", "    lock_timeout: 1s\n    statement_timeout: 3s\n");
      try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).config(config).start()) {
        long start = System.nanoTime();
        Scrape scrape = kit.scrape(BUDGET_5S);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(scrape.value("saypro_db_check_success", "check", "locked_out")).isZero();
        assertThat(scrape.value("saypro_db_check_success", "check", "free")).isEqualTo(1.0);
        assertThat(logs.warnings()).anySatisfy(line -> assertThat(line).contains("check locked_out on target t failed")
            .containsAnyOf("55P03 ERROR: canceling statement due to lock timeout", "Lock wait timeout exceeded"));
        assertThat(activeStatementsOf(db, "%FROM orders%")).isZero();
      } finally {
        try (Statement statement = lockHolder.createStatement()) {
          statement.execute(engine.equals("postgresql") ? "ROLLBACK" : "UNLOCK TABLES");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void twentyConcurrentScrapesOfASlowDatabaseNeverOpenMoreSessionsThanThePool(String engine) throws Exception {
    try (SharedServers.Database db = database(engine); Sql watcher = db.admin()) {
      String config = "checks:\n  - {name: slow, query: \"" + sleep(engine, 0.5) + "\", values: [v], min_interval: 0s}\n"
          + "targets:\n" + db.targetYaml("t", "    max_connections: 2\n");
      ExecutorService clients = Executors.newFixedThreadPool(20);
      try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).config(config).start()) {
        AtomicBoolean scraping = new AtomicBoolean(true);
        AtomicInteger mostSessions = new AtomicInteger();
        CompletableFuture<Void> watch = CompletableFuture.runAsync(() -> {
          while (scraping.get()) {
            mostSessions.accumulateAndGet(sessionsOf(watcher, db), Math::max);
          }
        });
        for (int round = 0; round < 3; round++) {
          List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            String path = i % 4 == 0 ? "/probe?target=t" : "/metrics";
            scrapes.add(CompletableFuture.supplyAsync(() -> kit.get(path, BUDGET_5S), clients));
          }
          for (CompletableFuture<HttpResponse<String>> scrape : scrapes) {
            HttpResponse<String> response = scrape.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Scrape.parse(response.body()).value("saypro_db_up", "target", "t")).isEqualTo(1.0);
          }
        }
        scraping.set(false);
        watch.get();
        assertThat(mostSessions.get()).isBetween(1, 2);
      } finally {
        clients.shutdownNow();
      }
    }
  }
}
