package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.database.testdb.ThrowawayMariadb;
import com.saypro.monitor.database.testdb.ThrowawayPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Databases that go away and come back, on private throwaway servers this test stops and starts
 * (the machine's shared servers are never touched): start with the database stopped, stop it
 * mid-scrape, and a thousand scrapes through a series of outages without leaking a session.
 */
class OutageTest {
  private static final String USER = "saypro_monitor";
  private static final String PASSWORD = "outage-pw";
  private static final String[] BUDGET_5S = {"X-Prometheus-Scrape-Timeout-Seconds", "5"};

  static ThrowawayPostgres postgres;
  static ThrowawayMariadb mariadb;

  @BeforeAll
  static void servers() {
    postgres = ThrowawayPostgres.start();
    postgres.createMonitor(USER, PASSWORD);
    mariadb = ThrowawayMariadb.start();
    mariadb.createMonitor(USER, PASSWORD);
  }

  @AfterAll
  static void stopServers() {
    if (postgres != null) {
      postgres.close();
    }
    if (mariadb != null) {
      mariadb.close();
    }
  }

  private static String config(String extra) {
    return extra + "targets:\n"
        + "  - {name: pg, engine: postgresql, url: \"" + postgres.url("postgres") + "\", user: " + USER + ", password: " + PASSWORD + ", connect_timeout: 1s}\n"
        + "  - {name: maria, engine: mysql, url: \"" + mariadb.url("") + "\", user: " + USER + ", password: " + PASSWORD + ", connect_timeout: 1s}\n";
  }

  @Test
  void startsWithTheDatabaseStoppedAndSeesItComeBackWithinTwoScrapes() throws Exception {
    MutableClock clock = MutableClock.startingNow();
    postgres.stopServer(false);
    try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).clock(clock).config(config("")).start()) {
      long start = System.nanoTime();
      HttpResponse<String> down = kit.get("/metrics", BUDGET_5S);
      // the one bound the issue demands: an answer inside the scrape deadline
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(down.statusCode()).isEqualTo(200);
      Scrape scrape = Scrape.parse(down.body());
      assertThat(scrape.value("saypro_db_up", "target", "pg")).isZero();
      assertThat(scrape.value("saypro_db_up", "target", "maria")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "up")).isEqualTo(1.0);

      postgres.startServer();
      clock.advance(Duration.ofSeconds(15));
      Scrape first = kit.scrape(BUDGET_5S);
      clock.advance(Duration.ofSeconds(15));
      Scrape second = kit.scrape(BUDGET_5S);
      assertThat(Math.max(first.value("saypro_db_up", "target", "pg"), second.value("saypro_db_up", "target", "pg")))
          .isEqualTo(1.0);
      assertThat(second.value("saypro_db_up", "target", "pg")).isEqualTo(1.0);
      assertThat(second.value("saypro_db_connections_max", "target", "pg")).isPositive();
    } finally {
      ensureRunning();
    }
  }

  @Test
  void stoppingTheDatabaseMidScrapeAnswersInTimeAndRecovers() throws Exception {
    MutableClock clock = MutableClock.startingNow();
    String slowCheck = "checks:\n  - {name: slow, query: \"SELECT pg_sleep(3) IS NULL AS v\", values: [v], timeout: 10s, min_interval: 0s, targets: [pg]}\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition()).clock(clock).config(config(slowCheck)).start()) {
      CompletableFuture<HttpResponse<String>> scrape = CompletableFuture.supplyAsync(() -> kit.get("/metrics", BUDGET_5S));
      waitFor(() -> sessionRunning("pg_sleep"));
      postgres.stopServer(true);
      HttpResponse<String> response = scrape.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      Scrape during = Scrape.parse(response.body());
      assertThat(during.value("saypro_db_up", "target", "maria")).isEqualTo(1.0);

      clock.advance(Duration.ofSeconds(15));
      assertThat(kit.scrape(BUDGET_5S).value("saypro_db_up", "target", "pg")).isZero();

      postgres.startServer();
      clock.advance(Duration.ofSeconds(15));
      kit.scrape(BUDGET_5S);
      clock.advance(Duration.ofSeconds(15));
      assertThat(kit.scrape(BUDGET_5S).value("saypro_db_up", "target", "pg")).isEqualTo(1.0);
    } finally {
      ensureRunning();
    }
  }

  @Test
  void aThousandScrapesAndASeriesOfOutagesLeakNoSession() throws Exception {
    MutableClock clock = MutableClock.startingNow();
    try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition())
        .clock(clock)
        .config(config(""))
        .start()) {
      for (int i = 0; i < 1000; i++) {
        clock.advance(Duration.ofSeconds(2)); // past every min_interval: each scrape collects
        Scrape scrape = kit.scrape(BUDGET_5S);
        if (i % 100 == 0) {
          assertThat(scrape.value("saypro_db_up", "target", "pg")).isEqualTo(1.0);
          assertThat(scrape.value("saypro_db_up", "target", "maria")).isEqualTo(1.0);
        }
      }
      assertThat(postgres.sessionsOf(USER)).isBetween(0, 2);
      assertThat(mariadb.sessionsOf(USER)).isBetween(0, 2);

      for (int outage = 0; outage < 3; outage++) {
        postgres.stopServer(outage % 2 == 0);
        mariadb.stopServer(outage % 2 == 0);
        for (int i = 0; i < 3; i++) {
          clock.advance(Duration.ofSeconds(15));
          Scrape scrape = kit.scrape(BUDGET_5S);
          assertThat(scrape.value("saypro_db_up", "target", "pg")).isZero();
          assertThat(scrape.value("saypro_db_up", "target", "maria")).isZero();
        }
        postgres.startServer();
        mariadb.startServer();
        for (int i = 0; i < 2; i++) {
          clock.advance(Duration.ofSeconds(15));
          kit.scrape(BUDGET_5S);
        }
        Scrape back = kit.scrape(BUDGET_5S);
        assertThat(back.value("saypro_db_up", "target", "pg")).isEqualTo(1.0);
        assertThat(back.value("saypro_db_up", "target", "maria")).isEqualTo(1.0);
        assertThat(postgres.sessionsOf(USER)).isBetween(0, 2);
        assertThat(mariadb.sessionsOf(USER)).isBetween(0, 2);
      }
    } finally {
      ensureRunning();
    }
    // the exporter closed its pools: nothing of it stays on the servers
    waitFor(() -> postgres.sessionsOf(USER) == 0 && mariadb.sessionsOf(USER) == 0);
  }

  private static boolean sessionRunning(String text) {
    try (var admin = postgres.admin()) {
      return admin.number("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%" + text + "%' AND usename = '" + USER + "'") > 0;
    }
  }

  private static void ensureRunning() {
    try (var admin = postgres.admin()) {
      admin.number("SELECT 1");
    } catch (IllegalStateException down) {
      postgres.startServer();
    }
    try (var admin = mariadb.admin()) {
      admin.number("SELECT 1");
    } catch (IllegalStateException down) {
      mariadb.startServer();
    }
  }

  /** Polls a condition on a server (there is no event to wait for), for at most 20 s. */
  static void waitFor(BooleanSupplier condition) {
    com.saypro.monitor.core.testkit.Await.until("the server condition", Duration.ofSeconds(20), condition::getAsBoolean);
  }
}
