package com.saypro.monitor.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restore drills of a real pg_dump of the demo marketplace into a scratch database on the local PostgreSQL. */
class PostgresDrillTest {
  private static final String TOKEN = "drill-token-for-tests";
  private static String source;
  private static Path dumpDir;

  private Path dir;
  private Path state;
  private String scratch;

  @BeforeAll
  static void sourceDatabase() throws Exception {
    source = LocalServers.unique("saypro_drill_src");
    LocalServers.createPostgresDemo(source);
    dumpDir = Files.createTempDirectory("backup-pgdump-");
    LocalServers.pgDump(source, dumpDir.resolve("saypro.dump"), "c");
    LocalServers.pgDump(source, dumpDir.resolve("saypro.sql"), "p");
  }

  @AfterAll
  static void dropSource() throws Exception {
    LocalServers.dropPostgres(source);
  }

  @BeforeEach
  void folder() throws Exception {
    dir = Files.createTempDirectory("backup-drill-");
    state = Files.createDirectories(dir.resolve("state"));
    scratch = LocalServers.unique("saypro_drill_test");
    Files.writeString(dir.resolve("drill.token"), TOKEN + "\n");
  }

  private void backup(String file, String tables) throws Exception {
    Files.copy(dumpDir.resolve(file), state.resolve(file));
    Files.writeString(state.resolve("nightly.json"), "{\"job\":\"nightly\",\"outcome\":\"success\","
        + "\"started\":\"2026-11-24T02:00:00Z\",\"finished\":\"2026-11-24T02:00:04Z\",\"file\":\"" + file + "\","
        + "\"tables\":" + tables + "}");
  }

  private String config(boolean withToken) {
    return "jobs:\n  - {name: nightly, criticality: critical, max_age: 26h, source: {type: status_file, folder: state, name: nightly.json}}\n"
        + "drills:\n  - name: quarterly\n    job: nightly\n    engine: postgresql\n    scheduled: false\n    timeout: 2m\n"
        + "    scratch: {host: 127.0.0.1, port: 5432, user: postgres, database: " + scratch + "}\n"
        + "    sources: [{host: 127.0.0.1, database: " + source + "}]\n"
        + "    verify: {tables: [users, products, orders], min_rows: {users: 1}}\n"
        + "state_folder: drill-state\n"
        + (withToken ? "drill_api: {bearer_token_file: drill.token}\n" : "");
  }

  private ExporterTestKit start(boolean withToken) throws Exception {
    return ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(config(withToken)).start();
  }

  private static HttpResponse<String> drill(ExporterTestKit kit, boolean wait) {
    return kit.post("/drill?name=quarterly" + (wait ? "&wait=true" : ""), "Authorization", "Bearer " + TOKEN);
  }

  @Test
  void drillRestoresTheDemoDumpVerifiesRowCountsAndDropsTheScratchDatabase() throws Exception {
    backup("saypro.dump", "{\"users\":5,\"products\":7,\"orders\":3}");
    try (ExporterTestKit kit = start(true)) {
      HttpResponse<String> response = drill(kit, true);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("\"status\":\"success\"").contains("3 table counts verified");
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_drill_success", "drill", "quarterly")).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_runs_total", "drill", "quarterly", "outcome", "success")).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_restore_duration_seconds", "drill", "quarterly")).isPositive();
      assertThat(s.value("saypro_backup_drill_recovery_point_age_seconds", "drill", "quarterly")).isPositive();
      assertThat(s.value("saypro_backup_drill_last_success_timestamp_seconds", "drill", "quarterly"))
          .isEqualTo(s.value("saypro_backup_drill_last_run_timestamp_seconds", "drill", "quarterly"));
      assertThat(s.value("saypro_backup_drill_interval_seconds", "drill", "quarterly")).isEqualTo(91 * 86400);
      assertThat(s.find("saypro_backup_drill_failure_info")).isEmpty();
    }
    assertThat(LocalServers.postgresHas(scratch)).isFalse();
    assertThat(LocalServers.psql(source, "SELECT count(*) FROM users").strip()).isEqualTo("5");
    // the record survives a restart
    try (ExporterTestKit kit = start(true)) {
      assertThat(kit.scrape().value("saypro_backup_drill_success", "drill", "quarterly")).isEqualTo(1);
    }
  }

  @Test
  void corruptedDumpFailsTheDrillWithAClearReason() throws Exception {
    backup("saypro.dump", "{\"users\":5,\"products\":7,\"orders\":3}");
    Path dump = state.resolve("saypro.dump");
    byte[] content = Files.readAllBytes(dump);
    Files.write(dump, java.util.Arrays.copyOf(content, content.length / 2));
    try (ExporterTestKit kit = start(true)) {
      HttpResponse<String> response = drill(kit, true);
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("\"reason\":\"restore_failed\"").contains("pg_restore exited with");
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_drill_success", "drill", "quarterly")).isEqualTo(0);
      assertThat(s.value("saypro_backup_drill_failure_info", "drill", "quarterly", "reason", "restore_failed")).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_runs_total", "drill", "quarterly", "outcome", "failure")).isEqualTo(1);
    }
    assertThat(LocalServers.postgresHas(scratch)).isFalse();
  }

  @Test
  void rowCountsThatDifferFromTheRecordedOnesFailVerification() throws Exception {
    backup("saypro.dump", "{\"users\":6,\"products\":7,\"orders\":3}");
    try (ExporterTestKit kit = start(true)) {
      HttpResponse<String> response = drill(kit, true);
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("\"reason\":\"verify_failed\"").contains("users has 5 rows, the backup recorded 6");
    }
    assertThat(LocalServers.postgresHas(scratch)).isFalse();
  }

  @Test
  void aScratchDatabaseThatAnEarlierDrillLeftIsReplaced() throws Exception {
    backup("saypro.dump", "{\"users\":5,\"products\":7,\"orders\":3}");
    // what a drill killed between its create and its drop leaves: the marked database, with a table
    LocalServers.psql("postgres", "CREATE DATABASE " + scratch);
    LocalServers.psql("postgres", "COMMENT ON DATABASE " + scratch + " IS 'saypro-backup-drill scratch database'");
    LocalServers.psql(scratch, "CREATE TABLE leftover (id int)");
    try (ExporterTestKit kit = start(true)) {
      HttpResponse<String> response = drill(kit, true);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("\"status\":\"success\"").contains("3 table counts verified");
    } finally {
      if (LocalServers.postgresHas(scratch)) {
        LocalServers.dropPostgres(scratch);
      }
    }
    assertThat(LocalServers.postgresHas(scratch)).isFalse();
  }

  @Test
  void existingDatabaseWithoutTheDrillMarkerIsNeverDropped() throws Exception {
    backup("saypro.dump", "{\"users\":5,\"products\":7,\"orders\":3}");
    LocalServers.psql("postgres", "CREATE DATABASE " + scratch);
    try (ExporterTestKit kit = start(true)) {
      HttpResponse<String> response = drill(kit, true);
      assertThat(response.body()).contains("\"reason\":\"scratch_failed\"").contains("was not created by a drill");
      assertThat(LocalServers.postgresHas(scratch)).isTrue();
    } finally {
      LocalServers.dropPostgres(scratch);
    }
  }

  @Test
  void endpointRequiresTheTokenAndIsOffWithoutOne() throws Exception {
    backup("saypro.dump", "{\"users\":5,\"products\":7,\"orders\":3}");
    try (ExporterTestKit kit = start(true)) {
      assertThat(kit.post("/drill?name=quarterly").statusCode()).isEqualTo(401);
      assertThat(kit.post("/drill?name=quarterly", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
      assertThat(kit.get("/drill?name=quarterly", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(405);
      assertThat(kit.post("/drill?name=other", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
      assertThat(kit.scrape().find("saypro_backup_drill_last_run_timestamp_seconds")).isEmpty();
    }
    try (ExporterTestKit kit = start(false)) {
      HttpResponse<String> response = kit.post("/drill?name=quarterly", "Authorization", "Bearer " + TOKEN);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).doesNotContain(TOKEN);
    }
  }

  /**
   * A reload replaces the exporter while a drill restores from a named pipe that never ends: the
   * replaced drill is stopped, its scratch database dropped, and the run recorded as failed with
   * reason {@code interrupted}, which the new exporter shows and a restart keeps.
   */
  @Test
  void reloadDuringADrillRecordsItAsInterrupted() throws Exception {
    Path pipe = state.resolve("saypro.sql");
    LocalServers.run(null, "mkfifo", pipe.toString());
    Files.writeString(state.resolve("nightly.json"), "{\"job\":\"nightly\",\"outcome\":\"success\","
        + "\"started\":\"2026-11-24T02:00:00Z\",\"finished\":\"2026-11-24T02:00:04Z\",\"file\":\"saypro.sql\","
        + "\"tables\":{\"users\":5,\"products\":7,\"orders\":3}}");
    try (ExporterTestKit kit = start(true)) {
      assertThat(drill(kit, false).statusCode()).isEqualTo(202);
      com.saypro.monitor.core.testkit.Await.until("scratch database created", java.time.Duration.ofSeconds(60),
          () -> {
            try {
              return LocalServers.postgresHas(scratch);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      assertThat(kit.scrape().value("saypro_backup_drill_running", "drill", "quarterly")).isEqualTo(1);
      HttpResponse<String> reload = kit.post("/-/reload");
      assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_drill_running", "drill", "quarterly")).isEqualTo(0);
      assertThat(s.value("saypro_backup_drill_success", "drill", "quarterly")).isEqualTo(0);
      assertThat(s.value("saypro_backup_drill_failure_info", "drill", "quarterly", "reason", "interrupted")).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_runs_total", "drill", "quarterly", "outcome", "failure")).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_runs_total", "drill", "quarterly", "outcome", "success")).isEqualTo(0);
      assertThat(s.maybe("saypro_backup_drill_last_run_timestamp_seconds", "drill", "quarterly")).isPresent();
      assertThat(LocalServers.postgresHas(scratch)).isFalse();
    } finally {
      // the killed restore's reader of the pipe may still wait for a writer: O_RDWR opens at once, closing ends it
      new java.io.RandomAccessFile(pipe.toFile(), "rw").close();
    }
    try (ExporterTestKit kit = start(true)) {
      assertThat(kit.scrape().value("saypro_backup_drill_failure_info", "drill", "quarterly", "reason", "interrupted"))
          .isEqualTo(1);
    }
  }

  /**
   * The plain SQL dump is a named pipe here: the drill blocks reading it until the test writes, so
   * the second request deterministically finds the first still running.
   */
  @Test
  void twoDrillsOfTheSameNameNeverRunAtOnce() throws Exception {
    Path pipe = state.resolve("saypro.sql");
    LocalServers.run(null, "mkfifo", pipe.toString());
    Files.writeString(state.resolve("nightly.json"), "{\"job\":\"nightly\",\"outcome\":\"success\","
        + "\"started\":\"2026-11-24T02:00:00Z\",\"finished\":\"2026-11-24T02:00:04Z\",\"file\":\"saypro.sql\","
        + "\"tables\":{\"users\":5,\"products\":7,\"orders\":3}}");
    byte[] sql = Files.readAllBytes(dumpDir.resolve("saypro.sql"));
    try (ExporterTestKit kit = start(true)) {
      assertThat(drill(kit, false).statusCode()).isEqualTo(202);
      HttpResponse<String> second = drill(kit, false);
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(second.body()).contains("already running");
      assertThat(kit.scrape().value("saypro_backup_drill_running", "drill", "quarterly")).isEqualTo(1);
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try (OutputStream out = Files.newOutputStream(pipe, StandardOpenOption.WRITE)) {
          out.write(sql);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      com.saypro.monitor.core.testkit.Await.until("drill finished", java.time.Duration.ofSeconds(60),
          () -> kit.scrape().maybe("saypro_backup_drill_success", "drill", "quarterly").isPresent());
      writer.get();
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_drill_success", "drill", "quarterly")).as(kit.get("/").body()).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_runs_total", "drill", "quarterly", "outcome", "success")).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_running", "drill", "quarterly")).isEqualTo(0);
    }
    assertThat(LocalServers.postgresHas(scratch)).isFalse();
  }
}
