package com.saypro.monitor.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status files written the way real and crashing backup jobs leave them. */
class StatusFileTest {
  private static final String CONFIG = """
      jobs:
        - name: nightly
          criticality: critical
          max_age: 26h
          min_size_ratio: 0.5
          source: {type: status_file, folder: state, name: nightly.json}
      """;

  private Path dir;
  private Path state;
  private ExporterTestKit kit;

  @BeforeEach
  void start() throws Exception {
    dir = Files.createTempDirectory("backup-status-");
    state = Files.createDirectories(dir.resolve("state"));
    kit = ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(CONFIG).start();
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  private String dump(String name, int bytes) throws Exception {
    byte[] content = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      content[i] = (byte) ('a' + i % 26);
    }
    Files.write(state.resolve(name), content);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private void status(String json) throws Exception {
    Files.writeString(state.resolve("nightly.json"), json);
  }

  private static String run(String started, String finished, String outcome, String file, long bytes, String checksum) {
    return "{\"job\":\"nightly\",\"started\":\"" + started + "\",\"finished\":\"" + finished + "\",\"outcome\":\""
        + outcome + "\",\"file\":\"" + file + "\",\"bytes\":" + bytes + ",\"checksum\":\"sha256:" + checksum
        + "\",\"tables\":{\"users\":3}}";
  }

  @Test
  void successfulRunIsReportedWithVerifiedChecksum() throws Exception {
    String sum = dump("a.dump", 1000);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 1000, sum));
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_source_ok", "backup_job", "nightly")).isEqualTo(1);
    assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-24T02:03:10Z"));
    assertThat(s.value("saypro_backup_last_attempt_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-24T02:03:10Z"));
    assertThat(s.value("saypro_backup_duration_seconds", "backup_job", "nightly")).isEqualTo(190);
    assertThat(s.value("saypro_backup_size_bytes", "backup_job", "nightly")).isEqualTo(1000);
    assertThat(s.value("saypro_backup_size_change_ratio", "backup_job", "nightly")).isEqualTo(1);
    assertThat(s.value("saypro_backup_integrity_ok", "backup_job", "nightly")).isEqualTo(1);
    assertThat(s.value("saypro_backup_integrity_checked", "backup_job", "nightly")).isEqualTo(1);
    assertThat(s.value("saypro_backup_max_age_seconds", "backup_job", "nightly")).isEqualTo(93600);
    assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "success")).isEqualTo(1);
    assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "failure")).isEqualTo(0);
    assertThat(s.value("saypro_backup_job_info", "backup_job", "nightly", "source", "status_file", "criticality", "critical"))
        .isEqualTo(1);
    // the same run seen again is not counted again
    assertThat(kit.scrape().value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "success")).isEqualTo(1);
    assertThat(Promtool.checkMetrics(s.text()).exitCode()).isZero();
  }

  @Test
  void wrongChecksumAndTruncatedBackupFailIntegrity() throws Exception {
    dump("a.dump", 1000);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 1000, "0".repeat(64)));
    Scrape wrong = kit.scrape();
    assertThat(wrong.value("saypro_backup_integrity_ok", "backup_job", "nightly")).isEqualTo(0);
    assertThat(wrong.value("saypro_backup_integrity_checked", "backup_job", "nightly")).isEqualTo(1);
    String sum = dump("b.dump", 1000);
    Files.write(state.resolve("b.dump"), new byte[10]); // truncated after the job recorded it
    status(run("2026-11-25T02:00:00Z", "2026-11-25T02:03:10Z", "success", "b.dump", 1000, sum));
    assertThat(kit.scrape().value("saypro_backup_integrity_ok", "backup_job", "nightly")).isEqualTo(0);
  }

  /**
   * "Not verified" is not "verified OK": without a recorded checksum, and while the hash is still
   * being computed (the backup file is a named pipe here, so the hash cannot finish until the test
   * writes it), integrity_ok is absent and integrity_checked is 0.
   */
  @Test
  void unverifiedBackupsSayIntegrityCheckedZero() throws Exception {
    dump("a.dump", 1000);
    status("{\"job\":\"nightly\",\"outcome\":\"success\",\"started\":\"2026-11-24T02:00:00Z\","
        + "\"finished\":\"2026-11-24T02:03:10Z\",\"file\":\"a.dump\",\"bytes\":1000}");
    Scrape s = kit.scrape();
    assertThat(s.find("saypro_backup_integrity_ok", "backup_job", "nightly")).isEmpty();
    assertThat(s.value("saypro_backup_integrity_checked", "backup_job", "nightly")).isEqualTo(0);

    Path pipe = state.resolve("b.dump");
    LocalServers.run(null, "mkfifo", pipe.toString());
    status("{\"job\":\"nightly\",\"outcome\":\"success\",\"started\":\"2026-11-25T02:00:00Z\","
        + "\"finished\":\"2026-11-25T02:03:10Z\",\"file\":\"b.dump\",\"checksum\":\"sha256:" + "0".repeat(64) + "\"}");
    // a short scrape timeout: the poll waits for the hash only that long
    s = kit.scrape("X-Prometheus-Scrape-Timeout-Seconds", "1");
    assertThat(s.value("saypro_scrape_collector_success", "collector", "jobs")).isEqualTo(1);
    assertThat(s.value("saypro_backup_source_ok", "backup_job", "nightly")).isEqualTo(1);
    assertThat(s.find("saypro_backup_integrity_ok", "backup_job", "nightly")).isEmpty();
    assertThat(s.value("saypro_backup_integrity_checked", "backup_job", "nightly")).isEqualTo(0);
    // release the hasher (it reads the pipe to its end), then a regular file is verified
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        Files.write(pipe, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.WRITE);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(30, java.util.concurrent.TimeUnit.SECONDS);
    Files.delete(pipe);
    String sum = dump("b.dump", 1000);
    status(run("2026-11-25T02:00:00Z", "2026-11-25T02:03:10Z", "success", "b.dump", 1000, sum));
    s = kit.scrape();
    assertThat(s.value("saypro_backup_integrity_ok", "backup_job", "nightly")).isEqualTo(1);
    assertThat(s.value("saypro_backup_integrity_checked", "backup_job", "nightly")).isEqualTo(1);
  }

  @Test
  void failedRunKeepsLastSuccessAndCountsTheFailure() throws Exception {
    String sum = dump("a.dump", 1000);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 1000, sum));
    kit.scrape();
    status("{\"job\":\"nightly\",\"started\":\"2026-11-25T02:00:00Z\",\"finished\":\"2026-11-25T02:00:05Z\",\"outcome\":\"failure\"}");
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "failure")).isEqualTo(1);
    assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "success")).isEqualTo(1);
    assertThat(s.value("saypro_backup_last_attempt_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-25T02:00:05Z"));
    assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-24T02:03:10Z"));
  }

  /**
   * While the job reports {@code running}: the attempt is its start, nothing is counted, and the last
   * finished backup's success, size and integrity still stand; the outcome is counted once when it comes.
   */
  @Test
  void runningRunSetsTheAttemptAndIsCountedOnceWhenItEnds() throws Exception {
    String sum = dump("a.dump", 1000);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 1000, sum));
    kit.scrape();
    status("{\"job\":\"nightly\",\"outcome\":\"running\",\"started\":\"2026-11-25T02:00:00Z\","
        + "\"last_success\":\"2026-11-24T02:03:10Z\"}");
    for (int i = 0; i < 2; i++) {
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_source_ok", "backup_job", "nightly")).isEqualTo(1);
      assertThat(s.value("saypro_backup_last_attempt_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-25T02:00:00Z"));
      assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-24T02:03:10Z"));
      assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "success")).isEqualTo(1);
      assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "failure")).isEqualTo(0);
      assertThat(s.value("saypro_backup_size_bytes", "backup_job", "nightly")).isEqualTo(1000);
      assertThat(s.value("saypro_backup_integrity_ok", "backup_job", "nightly")).isEqualTo(1);
    }
    String second = dump("b.dump", 1100);
    status(run("2026-11-25T02:00:00Z", "2026-11-25T02:04:00Z", "success", "b.dump", 1100, second));
    for (int i = 0; i < 2; i++) {
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "success")).isEqualTo(2);
      assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "failure")).isEqualTo(0);
      assertThat(s.value("saypro_backup_last_attempt_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-25T02:04:00Z"));
      assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-25T02:04:00Z"));
      assertThat(s.value("saypro_backup_duration_seconds", "backup_job", "nightly")).isEqualTo(240);
      assertThat(s.value("saypro_backup_size_bytes", "backup_job", "nightly")).isEqualTo(1100);
    }
    status("{\"job\":\"nightly\",\"outcome\":\"running\",\"started\":\"2026-11-26T02:00:00Z\"}");
    assertThat(kit.scrape().value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "failure")).isEqualTo(0);
    status("{\"job\":\"nightly\",\"outcome\":\"failure\",\"started\":\"2026-11-26T02:00:00Z\",\"finished\":\"2026-11-26T02:00:09Z\"}");
    for (int i = 0; i < 2; i++) {
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "failure")).isEqualTo(1);
      assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "success")).isEqualTo(2);
      assertThat(s.value("saypro_backup_last_attempt_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-26T02:00:09Z"));
      assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "nightly")).isEqualTo(epoch("2026-11-25T02:04:00Z"));
    }
  }

  @Test
  void backupThatShrinksByMoreThanHalfIsFlagged() throws Exception {
    String first = dump("a.dump", 1000);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 1000, first));
    assertThat(kit.scrape().value("saypro_backup_size_ok", "backup_job", "nightly")).isEqualTo(1);
    String second = dump("b.dump", 400);
    status(run("2026-11-25T02:00:00Z", "2026-11-25T02:03:10Z", "success", "b.dump", 400, second));
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_size_change_ratio", "backup_job", "nightly")).isEqualTo(0.4);
    assertThat(s.value("saypro_backup_size_ok", "backup_job", "nightly")).isEqualTo(0);
    assertThat(s.value("saypro_backup_runs_total", "backup_job", "nightly", "outcome", "success")).isEqualTo(2);
  }

  @Test
  void brokenStatusFilesGiveErrorMetricsNotCrashes() throws Exception {
    String sum = dump("a.dump", 1000);
    String good = run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 1000, sum);
    status(good.substring(0, good.length() / 2)); // half-written
    assertError("malformed", 1);
    status("");
    assertError("malformed", 2);
    Files.write(state.resolve("nightly.json"), new byte[] {(byte) 0xff, 0, 1, 2});
    assertError("malformed", 3);
    status(" ".repeat(70 * 1024));
    assertError("too_large", 1);
    status(good.replace("\"job\":\"nightly\"", "\"job\":\"weekly\""));
    assertError("wrong_job", 1);
    Files.delete(state.resolve("nightly.json"));
    assertError("missing", 1);
    status(good);
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_source_ok", "backup_job", "nightly")).isEqualTo(1);
    assertThat(s.value("saypro_scrape_collector_success", "collector", "jobs")).isEqualTo(1);
  }

  /** The error counter counts broken states, not polls: its rate does not depend on the scrape interval. */
  @Test
  void aBrokenStatusFileIsCountedOncePerVersionNotPerScrape() throws Exception {
    status("{\"job\":");
    for (int i = 0; i < 3; i++) {
      assertError("malformed", 1);
    }
    status("{\"job\":\"nightly\""); // rewritten, still broken: a new broken version
    assertError("malformed", 2);
    assertError("malformed", 2);
    Files.delete(state.resolve("nightly.json"));
    for (int i = 0; i < 3; i++) {
      assertError("missing", 1);
    }
    String sum = dump("a.dump", 1000);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 1000, sum));
    assertThat(kit.scrape().value("saypro_backup_source_ok", "backup_job", "nightly")).isEqualTo(1);
    Files.delete(state.resolve("nightly.json")); // missing again after a good state: a new error
    assertError("missing", 2);
    assertError("missing", 2);
    assertThat(kit.scrape().value("saypro_backup_source_errors_total", "backup_job", "nightly", "reason", "malformed")).isEqualTo(2);
  }

  @Test
  void pathsOutsideTheFolderAreRefusedSymlinksIncluded() throws Exception {
    Path outside = Files.createTempDirectory("backup-outside-");
    Files.writeString(outside.resolve("secret.json"), "{\"job\":\"nightly\"}");
    Files.createSymbolicLink(state.resolve("nightly.json"), outside.resolve("secret.json"));
    assertError("outside_folder", 1);
    Files.delete(state.resolve("nightly.json"));
    Files.write(outside.resolve("x.dump"), new byte[10]);
    Files.createSymbolicLink(state.resolve("link.dump"), outside.resolve("x.dump"));
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "link.dump", 10, "0".repeat(64)));
    assertError("outside_folder", 2);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "../../" + outside.getFileName() + "/x.dump", 10,
        "0".repeat(64)));
    assertError("outside_folder", 3);
  }

  @Test
  void unchangedFilesAreNotReadAgain() throws Exception {
    String sum = dump("a.dump", 100_000);
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 100_000, sum));
    assertThat(kit.scrape().value("saypro_backup_checksum_reads_total")).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      assertThat(kit.scrape().value("saypro_backup_integrity_ok", "backup_job", "nightly")).isEqualTo(1);
    }
    assertThat(kit.scrape().value("saypro_backup_checksum_reads_total")).isEqualTo(1);
    dump("a.dump", 100_001); // a new version of the file is read again
    status(run("2026-11-24T02:00:00Z", "2026-11-24T02:03:10Z", "success", "a.dump", 100_001, "0".repeat(64)));
    assertThat(kit.scrape().value("saypro_backup_checksum_reads_total")).isEqualTo(2);
  }

  private void assertError(String reason, int count) {
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_source_ok", "backup_job", "nightly")).as(reason).isEqualTo(0);
    assertThat(s.value("saypro_backup_source_errors_total", "backup_job", "nightly", "reason", reason)).as(reason).isEqualTo(count);
    assertThat(s.value("saypro_scrape_collector_success", "collector", "jobs")).isEqualTo(1);
  }

  static double epoch(String rfc3339) {
    return java.time.Instant.parse(rfc3339).getEpochSecond();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
