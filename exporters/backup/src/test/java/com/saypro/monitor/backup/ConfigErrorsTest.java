package com.saypro.monitor.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad config fails start-up with one message naming the file, line, path and the job or drill. */
class ConfigErrorsTest {
  private static final String JOB = "jobs:\n  - name: nightly\n    max_age: 26h\n    source: {type: folder, path: dumps, pattern: '.*\\.dump'}\n";
  private static final String DRILL_HEAD = "drills:\n  - name: quarterly\n    job: nightly\n    engine: postgresql\n"
      + "    verify: {tables: [users]}\n";

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("no source", "jobs:\n  - {name: nightly, max_age: 26h}\n",
            "config.yml:2: jobs[0]: job \"nightly\" has no source (set source.type: status_file, folder or restic)"),
        Arguments.of("unknown source type", "jobs:\n  - {name: nightly, max_age: 26h, source: {type: tape}}\n",
            "config.yml:2: jobs[0].source.type: \"tape\" job \"nightly\": unknown source type (use status_file, folder or restic)"),
        Arguments.of("no max_age", "jobs:\n  - {name: nightly, source: {type: folder, path: dumps, pattern: x}}\n",
            "job \"nightly\" has no max_age"),
        Arguments.of("missing folder", "jobs:\n  - {name: nightly, max_age: 1d, source: {type: folder, path: nowhere, pattern: x}}\n",
            "jobs[0].source.path: \"nowhere\" job \"nightly\": folder "),
        Arguments.of("bad pattern", "jobs:\n  - {name: nightly, max_age: 1d, source: {type: folder, path: dumps, pattern: '(x'}}\n",
            "jobs[0].source.pattern: \"(x\" job \"nightly\": is not a valid RE2 pattern"),
        Arguments.of("status file name with a slash",
            "jobs:\n  - {name: nightly, max_age: 1d, source: {type: status_file, folder: dumps, name: ../x.json}}\n",
            "jobs[0].source.name: \"../x.json\" job \"nightly\": must be a file name inside folder"),
        Arguments.of("unknown job key", "jobs:\n  - {name: nightly, max_age: 1d, schedule: daily, source: {type: folder, path: dumps, pattern: x}}\n",
            "jobs[0].schedule"),
        Arguments.of("duplicate job", JOB + JOB.substring("jobs:\n".length()),
            "is used by two jobs"),
        Arguments.of("restic without password file",
            "jobs:\n  - {name: offsite, max_age: 1d, source: {type: restic, repository: /srv/restic}}\n",
            "missing required key \"password_file\""),
        Arguments.of("scratch target equals a source", JOB + DRILL_HEAD
                + "    scratch: {database: saypro}\n    sources: [{host: localhost, database: saypro}]\n",
            "drill \"quarterly\": the scratch target saypro on 127.0.0.1:5432 is this source database"),
        Arguments.of("system database as scratch", JOB + DRILL_HEAD
                + "    scratch: {database: postgres}\n    sources: [{database: saypro}]\n",
            "drill \"quarterly\": a system database cannot be a scratch target"),
        Arguments.of("scratch name that is not an identifier", JOB + DRILL_HEAD
                + "    scratch: {database: 'x; DROP'}\n    sources: [{database: saypro}]\n",
            "drill \"quarterly\": is not a plain database name"),
        Arguments.of("drill of an unknown job", JOB + "drills:\n  - {name: q, job: weekly, engine: mysql, scratch: {database: s},"
                + " sources: [{database: saypro}], verify: {tables: [users]}}\n",
            "drills[0].job: \"weekly\" drill \"q\": no job has this name"),
        Arguments.of("drill without sources", JOB + DRILL_HEAD + "    scratch: {database: saypro_drill}\n",
            "missing required key \"sources\""),
        Arguments.of("drill verifying nothing", JOB + "drills:\n  - {name: q, job: nightly, engine: mysql, scratch: {database: s},"
                + " sources: [{database: saypro}], verify: {}}\n",
            "drill \"q\": verify needs tables"),
        Arguments.of("table name with SQL", JOB + "drills:\n  - {name: q, job: nightly, engine: mysql, scratch: {database: s},"
                + " sources: [{database: saypro}], verify: {tables: ['users; --']}}\n",
            "drill \"q\": is not a plain table name"),
        Arguments.of("drill API without token", JOB + "drill_api: {}\n",
            "set bearer_token_file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badConfigFailsStartWithALocatedMessage(String what, String yaml, String expected) throws Exception {
    Path dir = Files.createTempDirectory("backup-config-");
    Files.createDirectories(dir.resolve("dumps"));
    assertThatThrownBy(() -> ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(yaml).start().close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void embeddedDefaultsStartOnAFreshMachineAndSayWhatIsMissing() throws Exception {
    Path dir = Files.createTempDirectory("backup-defaults-");
    String defaults = new String(BackupExporterDefinition.class
        .getResourceAsStream("/com/saypro/monitor/backup/default-config.yml").readAllBytes());
    try (ExporterTestKit kit = ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(defaults).start()) {
      assertThat(Files.isDirectory(dir.resolve("saypro-state/backup"))).isTrue();
      var scrape = kit.scrape();
      assertThat(scrape.value("saypro_backup_source_ok", "backup_job", "local")).isEqualTo(0);
      assertThat(scrape.value("saypro_backup_source_errors_total", "backup_job", "local", "reason", "missing")).isEqualTo(1);
      assertThat(scrape.value("saypro_backup_job_info", "backup_job", "local", "source", "status_file", "criticality", "normal"))
          .isEqualTo(1);
      assertThat(scrape.value("saypro_scrape_collector_success", "collector", "jobs")).isEqualTo(1);
      assertThat(kit.get("/").body()).contains("job local (status_file").contains("no status file local.json");
    }
  }
}
