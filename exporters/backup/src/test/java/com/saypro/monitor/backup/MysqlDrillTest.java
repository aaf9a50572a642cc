package com.saypro.monitor.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restore drills of real mariadb-dump files of the demo marketplace on the local MariaDB. */
class MysqlDrillTest {
  private static final String TOKEN = "another-test-token";
  private static String source;
  private static Path dumps;

  private Path dir;
  private String scratch;

  @BeforeAll
  static void sourceDatabase() throws Exception {
    source = LocalServers.unique("saypro_drill_src");
    LocalServers.createMariadbDemo(source);
    dumps = Files.createTempDirectory("backup-mariadb-dump-");
    LocalServers.mariadbDump(source, dumps.resolve("saypro-1.sql"));
    LocalServers.mariadbDump(source, dumps.resolve("with-use.sql"), "--databases");
  }

  @AfterAll
  static void dropSource() throws Exception {
    LocalServers.mariadb("DROP DATABASE IF EXISTS " + source);
  }

  @BeforeEach
  void folder() throws Exception {
    dir = Files.createTempDirectory("backup-mdrill-");
    scratch = LocalServers.unique("saypro_drill_test");
    Files.writeString(dir.resolve("drill.token"), TOKEN);
  }

  private ExporterTestKit start(String dumpFile) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("dumps"));
    Files.copy(dumps.resolve(dumpFile), folder.resolve("saypro-1.sql"));
    Files.writeString(folder.resolve("saypro-1.sql.tables.json"), "{\"users\": 3, \"products\": 2}");
    String yaml = "jobs:\n  - {name: mysql, max_age: 26h, source: {type: folder, path: dumps, pattern: 'saypro-.*\\.sql'}}\n"
        + "drills:\n  - name: mysql-drill\n    job: mysql\n    engine: mysql\n    scheduled: false\n"
        + "    scratch: {host: 127.0.0.1, user: root, database: " + scratch + "}\n"
        + "    sources: [{host: 127.0.0.1, database: " + source + "}]\n"
        + "    verify: {tables: [users, products]}\n"
        + "state_folder: state\ndrill_api: {bearer_token_file: drill.token}\n";
    return ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(yaml).start();
  }

  @Test
  void drillRestoresAMariadbDumpAndChecksTheRecordedCounts() throws Exception {
    try (ExporterTestKit kit = start("saypro-1.sql")) {
      HttpResponse<String> response = kit.post("/drill?name=mysql-drill&wait=true", "Authorization", "Bearer " + TOKEN);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Scrape s = kit.scrape();
      assertThat(s.value("saypro_backup_drill_success", "drill", "mysql-drill")).isEqualTo(1);
      assertThat(s.value("saypro_backup_drill_restore_duration_seconds", "drill", "mysql-drill")).isPositive();
    }
    assertThat(LocalServers.mariadbHas(scratch)).isFalse();
    assertThat(LocalServers.mariadb("SELECT count(*) FROM " + source + ".users").strip()).isEqualTo("3");
  }

  @Test
  void dumpThatSwitchesDatabaseIsRefusedAndTouchesNothing() throws Exception {
    try (ExporterTestKit kit = start("with-use.sql")) {
      HttpResponse<String> response = kit.post("/drill?name=mysql-drill&wait=true", "Authorization", "Bearer " + TOKEN);
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("\"reason\":\"dump_refused\"");
      assertThat(kit.scrape().value("saypro_backup_drill_failure_info", "drill", "mysql-drill", "reason", "dump_refused"))
          .isEqualTo(1);
    }
    assertThat(LocalServers.mariadbHas(scratch)).isFalse();
    assertThat(LocalServers.mariadb("SELECT count(*) FROM " + source + ".users").strip()).isEqualTo("3");
  }
}
