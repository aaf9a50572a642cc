package com.saypro.monitor.incidents.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.incidents.ServerDatabase;
import com.saypro.monitor.incidents.config.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store created with the first schema (key (fingerprint, starts_at), index on starts_at) and
 * holding incidents, opened by the exporter on each real database: every incident is still there,
 * the key leads with starts_at, the old index is gone, and a second open changes nothing.
 */
class SchemaMigrationTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final int INCIDENTS = 40;

  enum Store {
    SQLITE, POSTGRESQL, MYSQL
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void oldStoresMoveToTheTimeOrderedKeyOnce(Store kind) throws Exception {
    ServerDatabase.Scratch scratch = scratch(kind);
    try (AutoCloseable cleanup = scratch == null ? () -> {} : scratch) {
      StorageConfig config = storage(scratch);
      Dialect dialect = Dialect.of(config.type());
      List<IncidentRecord> stored = new ArrayList<>();
      try (Connection connection = connect(config)) {
        createOldSchema(connection, dialect);
        for (int i = 0; i < INCIDENTS; i++) {
          stored.add(insertOld(connection, i));
        }
        assertThat(SchemaMigration.keyColumns(connection, dialect)).containsExactly("fingerprint", "starts_at");
      }

      try (IncidentDatabase database = IncidentDatabase.open(config)) {
        for (IncidentRecord record : stored) {
          assertThat(database.byFingerprint(record.key().fingerprint())).containsExactly(record);
        }
        assertThat(database.startedBetween(T0, T0.plusSeconds(INCIDENTS), 1000)).hasSize(INCIDENTS);
        assertThat(database.open(1000)).extracting(IncidentRecord::key)
            .containsExactlyInAnyOrderElementsOf(stored.stream().filter(IncidentRecord::open).map(IncidentRecord::key).toList());
        // the known-open shortcut was loaded from the migrated table: a repeat of an open incident writes nothing
        IncidentRecord open = stored.stream().filter(IncidentRecord::open).findFirst().orElseThrow();
        long commits = database.commits();
        assertThat(database.submit(record(notice(open, true))).get()).isEmpty();
        assertThat(database.commits()).isEqualTo(commits);
        // insert-if-new still keys on (fingerprint, starts_at): a resolved repeat of a stored, resolved incident opens nothing
        IncidentRecord resolved = stored.stream().filter(r -> r.resolvedAt().isPresent()).findFirst().orElseThrow();
        assertThat(database.submit(record(notice(resolved, false))).get()).isEmpty();
        assertThat(database.byFingerprint(resolved.key().fingerprint())).containsExactly(resolved);
        // and a new incident of a known fingerprint is a second incident
        IncidentRecord again = stored.get(0);
        StoreCommand.AlertNotice later = new StoreCommand.AlertNotice(again.key().fingerprint(), true, again.alertname(),
            again.severity(), again.team(), again.labels(), again.summary(), T0.plusSeconds(3600), Instant.EPOCH);
        assertThat(database.submit(record(later)).get()).hasSize(1);
        assertThat(database.byFingerprint(again.key().fingerprint())).hasSize(2)
            .first().extracting(r -> r.key().startsAtMillis()).isEqualTo(T0.plusSeconds(3600).toEpochMilli());
      }

      try (Connection connection = connect(config)) {
        assertThat(SchemaMigration.keyColumns(connection, dialect)).containsExactly("starts_at", "fingerprint");
        assertThat(indexes(connection, dialect)).containsExactlyInAnyOrderElementsOf(expectedIndexes(dialect));
        assertThat(tables(connection, dialect)).doesNotContain(SchemaMigration.MIGRATING);
        assertThat(count(connection)).isEqualTo(INCIDENTS + 1);
        assertThat(SchemaMigration.migrate(connection, dialect, config.describe())).isFalse();
      }
      try (IncidentDatabase database = IncidentDatabase.open(config)) {
        for (IncidentRecord record : stored.subList(1, INCIDENTS)) {
          assertThat(database.byFingerprint(record.key().fingerprint())).containsExactly(record);
        }
      }
      try (Connection connection = connect(config)) {
        assertThat(SchemaMigration.keyColumns(connection, dialect)).containsExactly("starts_at", "fingerprint");
        assertThat(count(connection)).isEqualTo(INCIDENTS + 1);
      }
    }
  }

  /** A copy that fails half way (here: its target name is taken) leaves the old table whole, and start-up says why. */
  @ParameterizedTest
  @EnumSource(value = Store.class, names = {"SQLITE", "POSTGRESQL"})
  void aFailedMigrationRollsBackToTheOldTable(Store kind) throws Exception {
    ServerDatabase.Scratch scratch = scratch(kind);
    try (AutoCloseable cleanup = scratch == null ? () -> {} : scratch) {
      StorageConfig config = storage(scratch);
      Dialect dialect = Dialect.of(config.type());
      try (Connection connection = connect(config); Statement statement = connection.createStatement()) {
        createOldSchema(connection, dialect);
        for (int i = 0; i < INCIDENTS; i++) {
          insertOld(connection, i);
        }
        statement.execute("CREATE TABLE " + SchemaMigration.MIGRATING + " (x INTEGER)");
      }
      assertThatThrownBy(() -> IncidentDatabase.open(config))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cannot create or read the incident tables in " + config.describe());
      try (Connection connection = connect(config)) {
        assertThat(SchemaMigration.keyColumns(connection, dialect)).containsExactly("fingerprint", "starts_at");
        assertThat(indexes(connection, dialect)).containsExactlyInAnyOrder("saypro_incidents_by_start", "saypro_incidents_unacked");
        assertThat(count(connection)).isEqualTo(INCIDENTS);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aNewStoreHasTheTimeOrderedKeyAndNothingToMigrate(Store kind) throws Exception {
    ServerDatabase.Scratch scratch = scratch(kind);
    try (AutoCloseable cleanup = scratch == null ? () -> {} : scratch) {
      StorageConfig config = storage(scratch);
      Dialect dialect = Dialect.of(config.type());
      try (Connection connection = connect(config)) {
        assertThat(SchemaMigration.keyColumns(connection, dialect)).isEmpty();
        assertThat(SchemaMigration.migrate(connection, dialect, config.describe())).isFalse();
      }
      IncidentDatabase.open(config).close();
      try (Connection connection = connect(config)) {
        assertThat(SchemaMigration.keyColumns(connection, dialect)).containsExactly("starts_at", "fingerprint");
        assertThat(indexes(connection, dialect)).containsExactlyInAnyOrderElementsOf(expectedIndexes(dialect));
        assertThat(SchemaMigration.migrate(connection, dialect, config.describe())).isFalse();
      }
    }
  }

  /** A scratch database on the local server of {@code kind}, or null for SQLite (a file of its own). */
  private static ServerDatabase.Scratch scratch(Store kind) throws Exception {
    return switch (kind) {
      case SQLITE -> null;
      case POSTGRESQL -> ServerDatabase.POSTGRESQL.scratch();
      case MYSQL -> ServerDatabase.MYSQL.scratch();
    };
  }

  private static StorageConfig storage(ServerDatabase.Scratch scratch) throws Exception {
    return scratch == null
        ? StorageConfig.sqlite(Files.createTempDirectory("incidents-migration").resolve("incidents.db"))
        : scratch.storageConfig();
  }

  /** The schema of the first release, as it was written then. */
  private static void createOldSchema(Connection connection, Dialect dialect) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      switch (dialect) {
        case SQLITE -> {
          statement.execute("CREATE TABLE IF NOT EXISTS saypro_incidents (fingerprint TEXT NOT NULL, starts_at INTEGER NOT NULL, "
              + "alertname TEXT NOT NULL, severity TEXT NOT NULL, team TEXT NOT NULL, labels TEXT NOT NULL, summary TEXT NOT NULL, "
              + "first_seen_at INTEGER NOT NULL, acknowledged_at INTEGER NULL, acknowledged_by TEXT NULL, resolved_at INTEGER NULL, "
              + "PRIMARY KEY (fingerprint, starts_at))");
          statement.execute("CREATE INDEX IF NOT EXISTS saypro_incidents_by_start ON saypro_incidents (starts_at)");
          statement.execute("CREATE INDEX IF NOT EXISTS saypro_incidents_unacked ON saypro_incidents (acknowledged_at, resolved_at)");
        }
        case POSTGRESQL -> {
          statement.execute("CREATE TABLE IF NOT EXISTS saypro_incidents (fingerprint VARCHAR(64) NOT NULL, starts_at BIGINT NOT NULL, "
              + "alertname VARCHAR(255) NOT NULL, severity VARCHAR(255) NOT NULL, team VARCHAR(255) NOT NULL, labels TEXT NOT NULL, "
              + "summary TEXT NOT NULL, first_seen_at BIGINT NOT NULL, acknowledged_at BIGINT NULL, acknowledged_by VARCHAR(255) NULL, "
              + "resolved_at BIGINT NULL, PRIMARY KEY (fingerprint, starts_at))");
          statement.execute("CREATE INDEX IF NOT EXISTS saypro_incidents_by_start ON saypro_incidents (starts_at)");
          statement.execute("CREATE INDEX IF NOT EXISTS saypro_incidents_unacked ON saypro_incidents (acknowledged_at, resolved_at)");
        }
        case MYSQL -> statement.execute("CREATE TABLE IF NOT EXISTS saypro_incidents (fingerprint VARCHAR(64) NOT NULL, "
            + "starts_at BIGINT NOT NULL, alertname VARCHAR(255) NOT NULL, severity VARCHAR(255) NOT NULL, team VARCHAR(255) NOT NULL, "
            + "labels MEDIUMTEXT NOT NULL, summary MEDIUMTEXT NOT NULL, first_seen_at BIGINT NOT NULL, acknowledged_at BIGINT NULL, "
            + "acknowledged_by VARCHAR(255) NULL, resolved_at BIGINT NULL, PRIMARY KEY (fingerprint, starts_at), "
            + "INDEX saypro_incidents_by_start (starts_at), INDEX saypro_incidents_unacked (acknowledged_at, resolved_at)"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
      }
    }
  }

  /** Incident i: open, acknowledged, resolved or both, with labels, in the old table's row format. */
  private static IncidentRecord insertOld(Connection connection, int i) throws SQLException {
    Map<String, String> labels = new TreeMap<>(Map.of("alertname", "Svc" + i, "severity", i % 2 == 0 ? "critical" : "warning",
        "team", "platform", "note", "ünïcødé ✓ " + i));
    Instant startsAt = T0.plusSeconds(i);
    Optional<Instant> ackAt = i % 3 == 0 ? Optional.of(startsAt.plusSeconds(60)) : Optional.empty();
    Optional<Instant> resolvedAt = i % 4 == 0 ? Optional.of(startsAt.plusSeconds(600)) : Optional.empty();
    IncidentRecord record = new IncidentRecord(
        new IncidentKey(String.format("%016x", (i + 1) * 0x9E3779B97F4A7C15L), startsAt.toEpochMilli()),
        "Svc" + i, labels.get("severity"), "platform", labels, "summary " + i, startsAt.plusSeconds(1),
        ackAt, ackAt.map(a -> "alice"), resolvedAt);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO saypro_incidents (fingerprint, starts_at, alertname, "
        + "severity, team, labels, summary, first_seen_at, acknowledged_at, acknowledged_by, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, record.key().fingerprint());
      insert.setLong(2, record.key().startsAtMillis());
      insert.setString(3, record.alertname());
      insert.setString(4, record.severity());
      insert.setString(5, record.team());
      insert.setString(6, LabelsJson.write(labels));
      insert.setString(7, record.summary());
      insert.setLong(8, record.firstSeenAt().toEpochMilli());
      setOptional(insert, 9, ackAt.map(Instant::toEpochMilli));
      insert.setString(10, record.acknowledgedBy().orElse(null));
      setOptional(insert, 11, resolvedAt.map(Instant::toEpochMilli));
      insert.executeUpdate();
    }
    return record;
  }

  private static void setOptional(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static StoreCommand.AlertNotice notice(IncidentRecord record, boolean firing) {
    return new StoreCommand.AlertNotice(record.key().fingerprint(), firing, record.alertname(), record.severity(), record.team(),
        record.labels(), record.summary(), Instant.ofEpochMilli(record.key().startsAtMillis()),
        record.resolvedAt().orElse(Instant.EPOCH));
  }

  private static StoreCommand record(StoreCommand.AlertNotice notice) {
    return new StoreCommand.RecordAlerts(List.of(notice), Optional.empty(), T0.plusSeconds(7200));
  }

  private static Connection connect(StorageConfig config) throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.username().orElse(null), config.username().isPresent() ? "" : null);
  }

  private static long count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM saypro_incidents")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** No index on fingerprint but on MySQL, where a scan of a million rows takes seconds. */
  private static List<String> expectedIndexes(Dialect dialect) {
    return dialect == Dialect.MYSQL
        ? List.of("saypro_incidents_unacked", "saypro_incidents_by_fingerprint")
        : List.of("saypro_incidents_unacked");
  }

  /** The incidents table's secondary indexes, by name. */
  private static List<String> indexes(Connection connection, Dialect dialect) throws SQLException {
    String sql = switch (dialect) {
      case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'saypro_incidents' AND sql IS NOT NULL";
      case POSTGRESQL -> "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'saypro_incidents' "
          + "AND indexname <> 'saypro_incidents_pkey'";
      case MYSQL -> "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() "
          + "AND table_name = 'saypro_incidents' AND index_name <> 'PRIMARY'";
    };
    return strings(connection, sql);
  }

  private static List<String> tables(Connection connection, Dialect dialect) throws SQLException {
    return strings(connection, dialect == Dialect.SQLITE
        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            + (dialect == Dialect.MYSQL ? "DATABASE()" : "current_schema()"));
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }
}
