package com.saypro.monitor.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A folder of dump files, as pg_dump cron jobs leave them. */
class FolderTest {
  private static final String CONFIG = """
      jobs:
        - name: pg
          criticality: critical
          max_age: 1d
          source: {type: folder, path: dumps, pattern: 'saypro-.*\\.dump', checksum: sidecar}
        - name: tars
          max_age: 7d
          source: {type: folder, path: dumps, pattern: '.*\\.tar'}
      """;

  private Path dumps;
  private ExporterTestKit kit;

  @BeforeEach
  void start() throws Exception {
    Path dir = Files.createTempDirectory("backup-folder-");
    dumps = Files.createDirectories(dir.resolve("dumps"));
    kit = ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(CONFIG).start();
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  private void dump(String name, int bytes, String at, boolean sidecar) throws Exception {
    byte[] content = new byte[bytes];
    java.util.Arrays.fill(content, (byte) 'x');
    Path file = dumps.resolve(name);
    Files.write(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(at)));
    if (sidecar) {
      String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
      Files.writeString(dumps.resolve(name + ".sha256"), sum + "  " + name + "\n");
    }
  }

  @Test
  void newestMatchingFileIsTheNewestBackup() throws Exception {
    dump("saypro-1.dump", 1000, "2026-11-22T02:00:00Z", true);
    dump("saypro-2.dump", 1100, "2026-11-23T02:00:00Z", true);
    dump("other.tar", 50, "2026-11-24T02:00:00Z", false);
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "pg"))
        .isEqualTo(Instant.parse("2026-11-23T02:00:00Z").getEpochSecond());
    assertThat(s.value("saypro_backup_size_bytes", "backup_job", "pg")).isEqualTo(1100);
    assertThat(s.value("saypro_backup_size_change_ratio", "backup_job", "pg")).isEqualTo(1.1);
    assertThat(s.value("saypro_backup_integrity_ok", "backup_job", "pg")).isEqualTo(1);
    assertThat(s.value("saypro_backup_runs_total", "backup_job", "pg", "outcome", "success")).isEqualTo(2);
    assertThat(s.value("saypro_backup_size_bytes", "backup_job", "tars")).isEqualTo(50);
    assertThat(s.find("saypro_backup_integrity_ok", "backup_job", "tars")).isEmpty(); // checksum: none
    assertThat(s.value("saypro_backup_integrity_checked", "backup_job", "tars")).isEqualTo(0);
    assertThat(s.value("saypro_backup_integrity_checked", "backup_job", "pg")).isEqualTo(1);
    assertThat(s.value("saypro_backup_job_info", "backup_job", "pg", "source", "folder", "criticality", "critical")).isEqualTo(1);

    dump("saypro-3.dump", 0, "2026-11-24T02:00:00Z", false); // the job crashed before writing
    s = kit.scrape();
    assertThat(s.value("saypro_backup_runs_total", "backup_job", "pg", "outcome", "failure")).isEqualTo(1);
    assertThat(s.value("saypro_backup_last_attempt_timestamp_seconds", "backup_job", "pg"))
        .isEqualTo(Instant.parse("2026-11-24T02:00:00Z").getEpochSecond());
    assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "pg"))
        .isEqualTo(Instant.parse("2026-11-23T02:00:00Z").getEpochSecond());
  }

  @Test
  void wrongOrMissingChecksumFailsIntegrity() throws Exception {
    dump("saypro-1.dump", 1000, "2026-11-22T02:00:00Z", true);
    Files.write(dumps.resolve("saypro-1.dump"), new byte[999], java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    Files.setLastModifiedTime(dumps.resolve("saypro-1.dump"), FileTime.from(Instant.parse("2026-11-22T02:00:00Z")));
    assertThat(kit.scrape().value("saypro_backup_integrity_ok", "backup_job", "pg")).isEqualTo(0);
    dump("saypro-2.dump", 1000, "2026-11-23T02:00:00Z", false);
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_integrity_ok", "backup_job", "pg")).isEqualTo(0);
    assertThat(s.value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "checksum_missing")).isEqualTo(1);
    // counted once per dump, not per scrape
    assertThat(kit.scrape().value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "checksum_missing")).isEqualTo(1);
    dump("saypro-3.dump", 1000, "2026-11-24T02:00:00Z", false);
    assertThat(kit.scrape().value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "checksum_missing")).isEqualTo(2);
    assertThat(kit.scrape().value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "checksum_missing")).isEqualTo(2);
  }

  @Test
  void shrunkenDumpIsFlagged() throws Exception {
    dump("saypro-1.dump", 1000, "2026-11-22T02:00:00Z", true);
    dump("saypro-2.dump", 300, "2026-11-23T02:00:00Z", true);
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_size_change_ratio", "backup_job", "pg")).isEqualTo(0.3);
    assertThat(s.value("saypro_backup_size_ok", "backup_job", "pg")).isEqualTo(0);
  }

  @Test
  void emptyFolderAndVanishedFolderAreErrorsOfTheJob() throws Exception {
    Scrape s = kit.scrape();
    assertThat(s.value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "no_backups")).isEqualTo(1);
    assertThat(kit.scrape().value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "no_backups")).isEqualTo(1);
    Files.delete(dumps);
    s = kit.scrape();
    assertThat(s.value("saypro_backup_source_ok", "backup_job", "pg")).isEqualTo(0);
    assertThat(s.value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "missing")).isEqualTo(1);
    assertThat(s.value("saypro_scrape_collector_success", "collector", "jobs")).isEqualTo(1);
    assertThat(kit.scrape().value("saypro_backup_source_errors_total", "backup_job", "pg", "reason", "missing")).isEqualTo(1);
  }

  @Test
  void unchangedFolderIsNotListedAgain() throws Exception {
    dump("saypro-1.dump", 1000, "2026-11-22T02:00:00Z", true);
    Files.setLastModifiedTime(dumps, FileTime.from(Instant.parse("2026-11-22T02:00:01Z"))); // settled
    double first = kit.scrape().value("saypro_backup_folder_listings_total");
    for (int i = 0; i < 3; i++) {
      assertThat(kit.scrape().value("saypro_backup_size_bytes", "backup_job", "pg")).isEqualTo(1000);
    }
    assertThat(kit.scrape().value("saypro_backup_folder_listings_total")).isEqualTo(first);
    assertThat(first).isEqualTo(1); // two jobs share one listing
    assertThat(kit.scrape().value("saypro_backup_checksum_reads_total")).isEqualTo(1);
    dump("saypro-2.dump", 1000, "2026-11-23T02:00:00Z", true); // changes the folder's time
    assertThat(kit.scrape().value("saypro_backup_runs_total", "backup_job", "pg", "outcome", "success")).isEqualTo(2);
  }
}
