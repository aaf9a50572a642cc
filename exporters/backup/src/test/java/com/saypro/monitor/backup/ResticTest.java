package com.saypro.monitor.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real restic repository, created by the test with Debian's restic. */
class ResticTest {
  private Path dir;
  private Path repo;

  @BeforeEach
  void repository() throws Exception {
    dir = Files.createTempDirectory("backup-restic-");
    repo = dir.resolve("repo");
    Files.writeString(dir.resolve("restic.pass"), "correct horse battery staple\n");
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.write(data.resolve("a.bin"), new byte[200_000]);
    restic("init");
    restic("backup", "--host", "db1", data.toString());
    Files.write(data.resolve("b.bin"), new byte[100_000]);
    restic("backup", "--host", "db1", data.toString());
  }

  private void restic(String... args) throws IOException, InterruptedException {
    List<String> argv = new java.util.ArrayList<>(List.of("restic", "--repo", repo.toString(), "--password-file",
        dir.resolve("restic.pass").toString(), "--no-cache", "--quiet"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("restic.log").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("restic.log"))).isZero();
  }

  private String config(String passwordFile) {
    return "jobs:\n  - name: offsite\n    criticality: critical\n    max_age: 26h\n"
        + "    source: {type: restic, repository: repo, password_file: " + passwordFile + ", host: db1}\n";
  }

  @Test
  void snapshotsSizesAndCheckAreReported() throws Exception {
    // the repository location is handed to restic as written; run from the test folder's path
    String yaml = config("restic.pass").replace("repository: repo", "repository: " + repo);
    try (ExporterTestKit kit = ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(yaml).start()) {
      Await.until("restic answered and checked", Duration.ofSeconds(60), () -> {
        Scrape s = kit.scrape();
        return s.maybe("saypro_backup_integrity_ok", "backup_job", "offsite").isPresent()
            && s.maybe("saypro_backup_size_bytes", "backup_job", "offsite").isPresent();
      });
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_source_ok", "backup_job", "offsite")).isEqualTo(1);
      assertThat(s.value("saypro_backup_runs_total", "backup_job", "offsite", "outcome", "success")).isEqualTo(2);
      assertThat(s.value("saypro_backup_size_bytes", "backup_job", "offsite")).isEqualTo(300_000);
      assertThat(s.value("saypro_backup_size_change_ratio", "backup_job", "offsite")).isEqualTo(1.5);
      assertThat(s.value("saypro_backup_integrity_ok", "backup_job", "offsite")).isEqualTo(1);
      assertThat(s.value("saypro_backup_integrity_checked", "backup_job", "offsite")).isEqualTo(1);
      assertThat(s.value("saypro_backup_last_success_timestamp_seconds", "backup_job", "offsite")).isPositive();
      assertThat(s.value("saypro_backup_job_info", "backup_job", "offsite", "source", "restic", "criticality", "critical")).isEqualTo(1);
      assertThat(s.text()).doesNotContain("correct horse");
    }
  }

  @Test
  void wrongPasswordIsACommandFailureOfTheJob() throws Exception {
    Files.writeString(dir.resolve("wrong.pass"), "not the password\n");
    String yaml = config("wrong.pass").replace("repository: repo", "repository: " + repo);
    try (ExporterTestKit kit = ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(yaml).start()) {
      Await.until("restic failed", Duration.ofSeconds(60), () ->
          kit.scrape().value("saypro_backup_source_errors_total", "backup_job", "offsite", "reason", "command_failed") >= 1);
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_source_ok", "backup_job", "offsite")).isEqualTo(0);
      assertThat(kit.get("/").body()).contains("restic snapshots exited with").doesNotContain("not the password");
    }
  }
}
