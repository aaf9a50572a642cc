package com.saypro.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad config fails start-up with one message naming the file, line, path and target or check. */
class ConfigErrorsTest {
  private static final String PG = "engine: postgresql, url: 'jdbc:postgresql://127.0.0.1:5432/test', user: u";

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("unknown engine",
            "targets:\n  - {name: orders, engine: oracle, url: 'jdbc:oracle:thin:@h:1521/x', user: u}\n",
            "config.yml:2: targets[0].engine: \"oracle\" is not one of postgresql, mysql (target orders)"),
        Arguments.of("bad URL",
            "targets:\n  - {name: orders, engine: postgresql, url: 'postgres://h/db', user: u}\n",
            "config.yml:2: targets[0].url: \"postgres://h/db\" is not a postgresql JDBC URL (it must start with jdbc:postgresql://) (target orders)"),
        Arguments.of("URL of the other engine",
            "targets:\n  - {name: orders, engine: mysql, url: 'jdbc:postgresql://h/db', user: u}\n",
            "is not a mysql JDBC URL (it must start with jdbc:mysql://) (target orders)"),
        Arguments.of("unparseable URL",
            "targets:\n  - {name: orders, engine: mysql, url: 'jdbc:mysql://h:notaport/db', user: u}\n",
            "targets[0].url: \"jdbc:mysql://h:notaport/db\" is not a valid mysql JDBC URL"),
        Arguments.of("missing password file",
            "targets:\n  - {name: orders, " + PG + ", password_file: missing-secret}\n",
            "targets[0].password_file: file "),
        Arguments.of("missing engine",
            "targets:\n  - {name: orders, url: 'jdbc:postgresql://h/db', user: u}\n",
            "config.yml:2: targets[0]: missing required key \"engine\" (postgresql or mysql) (target orders)"),
        Arguments.of("duplicate target",
            "targets:\n  - {name: orders, " + PG + "}\n  - {name: orders, " + PG + "}\n",
            "target name orders is used twice"),
        Arguments.of("bad target name",
            "targets:\n  - {name: 'Orders DB', " + PG + "}\n",
            "config.yml:2: targets[0].name: \"Orders DB\" is not a valid target name"),
        Arguments.of("unknown target key",
            "targets:\n  - {name: orders, " + PG + ", passwd: x}\n",
            "targets[0].passwd: unknown key"),
        Arguments.of("connect timeout too long",
            "targets:\n  - {name: orders, " + PG + ", connect_timeout: 5m}\n",
            "targets[0].connect_timeout: \"5m\" must be between 250ms and 30s"),
        Arguments.of("check without query",
            "checks:\n  - {name: late_orders, values: [n]}\n",
            "config.yml:2: checks[0]: missing required key \"query\" (check late_orders)"),
        Arguments.of("check without values",
            "checks:\n  - {name: late_orders, query: 'SELECT 1 AS n'}\n",
            "missing required key \"values\" (the columns that hold the numbers) (check late_orders)"),
        Arguments.of("check with a reserved label",
            "checks:\n  - {name: late_orders, query: 'SELECT 1 AS n', labels: [target], values: [n]}\n",
            "config.yml:2: checks[0].labels[0]: \"target\" is a label the exporter sets itself (rename the column with AS) (check late_orders)"),
        Arguments.of("check with an unknown engine",
            "checks:\n  - {name: late_orders, query: {oracle: 'SELECT 1 AS n'}, values: [n]}\n",
            "config.yml:2: checks[0].query: needs a query for postgresql, mysql or both (or one query string for every engine) (check late_orders)"),
        Arguments.of("integrity check with two values",
            "checks:\n  - {name: late_orders, kind: integrity, query: 'SELECT 1 AS a, 2 AS b', values: [a, b]}\n",
            "an integrity check has exactly one value column (the violating rows) (check late_orders)"),
        Arguments.of("check naming an unknown target",
            "checks:\n  - {name: late_orders, query: 'SELECT 1 AS n', values: [n], targets: [nope]}\n",
            "check late_orders names target nope, which is not configured"),
        Arguments.of("duplicate check",
            "checks:\n  - {name: a, query: 'SELECT 1 AS n', values: [n]}\n  - {name: a, query: 'SELECT 1 AS n', values: [n]}\n",
            "config.yml:3: check a is already defined at"),
        Arguments.of("check metric that is not a valid gauge name",
            "checks:\n  - {name: late_orders, query: 'SELECT 1 AS n', values: [n], metric: late_orders_total}\n",
            "config.yml:2: checks[0].metric: \"late_orders_total\" is not a valid gauge name: Illegal metric name late_orders_total"),
        Arguments.of("check metric on an integrity check",
            "checks:\n  - {name: late_orders, kind: integrity, query: 'SELECT 1 AS violations', metric: saypro_late}\n",
            "config.yml:2: checks[0].metric: an integrity check always feeds saypro_data_integrity_violations"),
        Arguments.of("check metric taking a built-in name",
            "checks:\n  - {name: late_orders, query: 'SELECT 1 AS n', values: [n], metric: saypro_db_up}\n",
            "config.yml:2: check late_orders: metric saypro_db_up is a name the exporter already uses"),
        Arguments.of("two checks with one metric",
            "checks:\n  - {name: a, query: 'SELECT 1 AS n', values: [n], metric: saypro_shop_n}\n  - {name: b, query: 'SELECT 1 AS n', values: [n], metric: saypro_shop_n}\n",
            "config.yml:3: check b: metric saypro_shop_n is already the metric of check a (config.yml:2)"),
        Arguments.of("unknown bundled check file",
            "check_files: ['bundled:nope']\n",
            "config.yml:1: check_files[0]: \"bundled:nope\" names no bundled check file"),
        Arguments.of("missing check file",
            "check_files: [missing-checks.yml]\n",
            "config.yml:1: check_files[0]: check file "),
        Arguments.of("unknown collector",
            "collectors:\n  tables: {enabled: false}\n",
            "unknown collector"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void refusesWithALocatedMessage(String what, String config, String expected) throws Exception {
    Path dir = Files.createTempDirectory("saypro-db-config-");
    assertThatThrownBy(() -> ExporterTestKit.builder(new DatabaseExporterDefinition()).directory(dir).config(config).start().close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected);
  }

  @ParameterizedTest(name = "bundled defaults and marketplace file load: {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", "check_files: [bundled:marketplace]\n"})
  void theEmbeddedFilesAreValid(String config) throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporterDefinition())
        .config(config.isEmpty() ? null : config).start()) {
      assertThat(kit.get("/").body()).contains(config.isEmpty() ? "local-postgresql" : "no targets configured");
    }
  }
}
