package com.saypro.monitor.incidents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store created with the first key, (fingerprint, starts_at), to the current one,
 * (starts_at, fingerprint), once, at start, before the schema is created. {@code CREATE TABLE IF
 * NOT EXISTS} leaves an existing table as it is, so without this an old store would keep its
 * random-order key. A store that has the current key, or no incidents table yet, is left alone.
 *
 * <p>SQLite and PostgreSQL copy the table in one transaction (new table, copy, drop the old one with
 * its indexes, rename, recreate the index); a failure rolls back to the old table. MySQL commits
 * every DDL statement on its own, so there the key is changed by one {@code ALTER TABLE}, which
 * InnoDB applies whole or not at all (it rebuilds the table in the new key order and adds the
 * fingerprint index that MySQL keeps, see {@link Dialect#createIncidents}).
 */
final class SchemaMigration {
  private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);
  static final String MIGRATING = Dialect.INCIDENTS + "_migrating";
  private static final String COLUMNS =
      "fingerprint, starts_at, alertname, severity, team, labels, summary, first_seen_at, acknowledged_at, acknowledged_by, resolved_at";

  private SchemaMigration() {}

  /** Migrates if needed; returns whether it did. The connection is left in auto-commit mode. */
  static boolean migrate(Connection connection, Dialect dialect, String store) throws SQLException {
    connection.setAutoCommit(true);
    if (!"fingerprint".equalsIgnoreCase(firstKeyColumn(connection, dialect))) {
      return false;
    }
    long started = System.nanoTime();
    long rows = dialect == Dialect.MYSQL ? alterKey(connection) : copyTable(connection, dialect);
    if (rows < 0) {
      return false; // another process migrated it first
    }
    log.info("incident store {}: moved {} incidents to the primary key (starts_at, fingerprint), was (fingerprint, starts_at), in {} ms",
        store, rows, (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  /** The leading column of the incidents table's primary key, or "" when there is no such table. */
  static String firstKeyColumn(Connection connection, Dialect dialect) throws SQLException {
    List<String> key = keyColumns(connection, dialect);
    return key.isEmpty() ? "" : key.get(0);
  }

  /** The incidents table's primary key columns in key order; empty when there is no such table. */
  static List<String> keyColumns(Connection connection, Dialect dialect) throws SQLException {
    List<String> columns = new ArrayList<>();
    if (dialect == Dialect.SQLITE) {
      String keyIndex = null;
      try (Statement statement = connection.createStatement();
          ResultSet indexes = statement.executeQuery("PRAGMA index_list(" + Dialect.INCIDENTS + ")")) {
        while (indexes.next()) {
          if ("pk".equals(indexes.getString("origin"))) {
            keyIndex = indexes.getString("name");
          }
        }
      }
      if (keyIndex != null) {
        try (Statement statement = connection.createStatement();
            ResultSet info = statement.executeQuery("PRAGMA index_info('" + keyIndex.replace("'", "''") + "')")) {
          List<String[]> bySeq = new ArrayList<>();
          while (info.next()) {
            bySeq.add(new String[] {Integer.toString(info.getInt("seqno")), info.getString("name")});
          }
          bySeq.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
          bySeq.forEach(c -> columns.add(c[1]));
        }
      }
      return columns;
    }
    String schema = dialect == Dialect.MYSQL ? "DATABASE()" : "current_schema()";
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT k.column_name FROM information_schema.table_constraints c "
            + "JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema "
            + "AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name "
            + "WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_name = ? AND c.table_schema = " + schema
            + " ORDER BY k.ordinal_position")) {
      query.setString(1, Dialect.INCIDENTS);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1));
        }
      }
    }
    return columns;
  }

  private static long copyTable(Connection connection, Dialect dialect) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      if (dialect == Dialect.POSTGRESQL) {
        statement.execute("LOCK TABLE " + Dialect.INCIDENTS + " IN ACCESS EXCLUSIVE MODE");
      }
      // checked again inside the transaction: two exporters may have started on one store
      if (!"fingerprint".equalsIgnoreCase(firstKeyColumn(connection, dialect))) {
        connection.rollback();
        return -1;
      }
      statement.execute(dialect.createIncidents(MIGRATING, false));
      long rows = statement.executeUpdate(
          "INSERT INTO " + MIGRATING + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + Dialect.INCIDENTS);
      statement.execute("DROP TABLE " + Dialect.INCIDENTS); // and its indexes, saypro_incidents_by_start included
      statement.execute("ALTER TABLE " + MIGRATING + " RENAME TO " + Dialect.INCIDENTS);
      if (dialect == Dialect.POSTGRESQL) {
        statement.execute("ALTER TABLE " + Dialect.INCIDENTS + " RENAME CONSTRAINT " + MIGRATING + "_pkey TO " + Dialect.INCIDENTS + "_pkey");
      }
      statement.execute(dialect.createUnackedIndex());
      connection.commit();
      return rows;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static long alterKey(Connection connection) throws SQLException {
    long rows;
    boolean byStart;
    try (Statement statement = connection.createStatement()) {
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + Dialect.INCIDENTS)) {
        count.next();
        rows = count.getLong(1);
      }
      try (ResultSet index = statement.executeQuery(
          "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = '"
              + Dialect.INCIDENTS + "' AND index_name = 'saypro_incidents_by_start'")) {
        index.next();
        byStart = index.getLong(1) > 0;
      }
      statement.execute("ALTER TABLE " + Dialect.INCIDENTS + " DROP PRIMARY KEY, ADD PRIMARY KEY (starts_at, fingerprint), ADD "
          + Dialect.BY_FINGERPRINT_MYSQL + (byStart ? ", DROP INDEX saypro_incidents_by_start" : ""));
    }
    return rows;
  }
}
