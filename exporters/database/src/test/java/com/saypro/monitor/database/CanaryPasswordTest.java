package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.database.testdb.LogCapture;
import com.saypro.monitor.database.testdb.SharedServers;
import com.saypro.monitor.database.testdb.ThrowawayPostgres;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A canary password, in every form a DSN or the config can carry it, through every failure path
 * (refused config, failed reload, wrong password, database down, failing query, unknown probe
 * target), must never appear in the logs (at DEBUG, stack traces included), {@code /metrics}, the
 * landing page, {@code /probe} or an error body.
 */
class CanaryPasswordTest {
  private static final String CANARY = "c4n4ry.S3cr3t!@#/?&=%+ x";
  private static final List<String> FORMS = List.of(
      CANARY,
      URLEncoder.encode(CANARY, StandardCharsets.UTF_8),
      URLEncoder.encode(CANARY, StandardCharsets.UTF_8).replace("+", "%20"),
      "c4n4ry.S3cr3t");

  static ThrowawayPostgres postgres;

  @BeforeAll
  static void server() {
    postgres = ThrowawayPostgres.start();
    postgres.createMonitor("canary_user", CANARY);       // the canary is the real password
    postgres.createMonitor("other_user", "not-the-canary"); // the canary is a wrong password
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void assertNoCanary(String where, String text) {
    for (String form : FORMS) {
      assertThat(text).as(where + " must not contain the canary").doesNotContain(form);
    }
  }

  @Test
  void credentialsInTheUrlAreRefusedWithoutQuotingThem() {
    String encoded = URLEncoder.encode(CANARY, StandardCharsets.UTF_8);
    List<String> urls = List.of(
        "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres?password=" + CANARY,
        "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres?user=canary_user&password=" + encoded,
        "jdbc:postgresql://canary_user:" + encoded + "@127.0.0.1:" + postgres.port() + "/postgres",
        "jdbc:mysql://monitor:" + encoded + "@127.0.0.1:3306/",
        "jdbc:mysql://(host=127.0.0.1,port=3306,user=monitor,password=" + encoded + ")/",
        "jdbc:mysql://127.0.0.1:3306/?sslPassword=" + encoded);
    try (LogCapture logs = new LogCapture()) {
      for (String url : urls) {
        String engine = url.startsWith("jdbc:mysql") ? "mysql" : "postgresql";
        for (String config : List.of(
            "targets:\n  - {name: t, engine: " + engine + ", url: '" + url + "', user: u}\n",
            "targets:\n  - {name: t, engine: " + engine + ", url: '${DB_URL}', user: u}\n")) {
          assertThatThrownBy(() -> ExporterTestKit.builder(new DatabaseExporterDefinition())
                  .env("DB_URL", url).config(config).start().close())
              .isInstanceOf(ConfigException.class)
              .satisfies(e -> {
                assertThat(e.getMessage()).contains("targets[0].url: must not carry credentials").contains("(target t)");
                assertNoCanary("config error", e.getMessage());
              });
        }
      }
      assertNoCanary("logs", logs.text());
    }
  }

  @Test
  void theCanaryNeverLeavesThroughAnyFailurePath() throws Exception {
    Path dir = Files.createTempDirectory("saypro-canary-");
    Files.writeString(dir.resolve("password"), CANARY + "\n");
    try (SharedServers.Database maria = SharedServers.mariadb(); LogCapture logs = new LogCapture()) {
      String config = "checks:\n  - {name: broken, query: \"SELECT nope FROM nowhere\", values: [nope]}\n"
          + "targets:\n"
          // the canary is the real password, and a check fails on the open session
          + "  - {name: right, engine: postgresql, url: '" + postgres.url("postgres") + "', user: canary_user, password: '${DB_PASSWORD}'}\n"
          // the canary is a wrong password: authentication fails
          + "  - {name: wrong, engine: postgresql, url: '" + postgres.url("postgres") + "', user: other_user, password_file: password}\n"
          + "  - {name: maria, engine: mysql, url: '" + maria.url() + "', user: " + maria.user() + ", password_file: password}\n"
          // nothing listens here: connection refused
          + "  - {name: down, engine: postgresql, url: 'jdbc:postgresql://127.0.0.1:9/postgres', user: x, password: '${DB_PASSWORD}', connect_timeout: 500ms}\n";
      List<String> bodies = new ArrayList<>();
      try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition())
          .directory(dir).env("DB_PASSWORD", CANARY).config(config).start()) {
        var scrape = kit.scrape();
        assertThat(scrape.value("saypro_db_up", "target", "right")).isEqualTo(1.0);
        assertThat(scrape.value("saypro_db_up", "target", "wrong")).isZero();
        assertThat(scrape.value("saypro_db_up", "target", "maria")).isZero();
        assertThat(scrape.value("saypro_db_up", "target", "down")).isZero();
        assertThat(scrape.value("saypro_db_check_success", "target", "right", "check", "broken")).isZero();
        bodies.add(scrape.text());
        bodies.add(kit.scrape().text());
        for (String target : List.of("right", "wrong", "maria", "down", CANARY, URLEncoder.encode(CANARY, StandardCharsets.UTF_8))) {
          bodies.add(kit.get("/probe?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)).body());
        }
        bodies.add(kit.get("/").body());
        bodies.add(kit.get("/nope?password=" + URLEncoder.encode(CANARY, StandardCharsets.UTF_8)).body());

        // a reload with the canary in the URL is refused, and the refusal does not quote it
        kit.rewriteConfig("targets:\n  - {name: t, engine: postgresql, url: 'jdbc:postgresql://h/db?password="
            + URLEncoder.encode(CANARY, StandardCharsets.UTF_8) + "', user: u}\n");
        var reload = kit.post("/-/reload");
        assertThat(reload.statusCode()).isEqualTo(500);
        bodies.add(reload.body());
        bodies.add(kit.get("/").body());
      }
      assertThat(logs.text()).contains("check broken on target right failed");
      for (String body : bodies) {
        assertNoCanary("HTTP body", body);
      }
      assertNoCanary("logs", logs.text());
    }
  }

  @Test
  void theSanitiserBlanksAPasswordADriverMightEcho() {
    var errors = new com.saypro.monitor.database.targets.SafeErrors(java.util.Optional.of(CANARY));
    String echoed = errors.describe(new java.sql.SQLException("bad url jdbc:x://h/?password="
        + URLEncoder.encode(CANARY, StandardCharsets.UTF_8) + " and " + CANARY, "08001"));
    assertThat(echoed).startsWith("08001 bad url").contains("<secret>");
    assertNoCanary("sanitised message", echoed);
  }

}
