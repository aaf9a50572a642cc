package com.saypro.monitor.incidents.store;

import com.saypro.monitor.incidents.config.StorageConfig;
import java.util.List;

/**
 * The few places where SQLite, PostgreSQL and MySQL differ for this schema: column types, how to
 * insert a row only if its key is new, and whether an index can be created "if not exists".
 */
enum Dialect {
  SQLITE("TEXT", "INTEGER", "INSERT INTO %s (%s) VALUES (%s) ON CONFLICT DO NOTHING"),
  POSTGRESQL("VARCHAR(255)", "BIGINT", "INSERT INTO %s (%s) VALUES (%s) ON CONFLICT DO NOTHING"),
  // INSERT IGNORE also hides data errors, so every value is trimmed to its column before it gets here
  MYSQL("VARCHAR(255)", "BIGINT", "INSERT IGNORE INTO %s (%s) VALUES (%s)");

  static final String INCIDENTS = "saypro_incidents";
  static final String HEARTBEATS = "saypro_incident_heartbeats";
  static final String BY_FINGERPRINT_MYSQL = "INDEX saypro_incidents_by_fingerprint (fingerprint)";

  private final String shortText;
  private final String bigint;
  private final String insertIfNew;

  Dialect(String shortText, String bigint, String insertIfNew) {
    this.shortText = shortText;
    this.bigint = bigint;
    this.insertIfNew = insertIfNew;
  }

  static Dialect of(StorageConfig.Type type) {
    return switch (type) {
      case SQLITE -> SQLITE;
      case POSTGRESQL -> POSTGRESQL;
      case MYSQL -> MYSQL;
    };
  }

  /**
   * Whether a batch of {@link #insertIfNew} statements reports per row whether it inserted. MySQL's
   * driver, with {@code rewriteBatchedStatements} (one multi-row statement instead of a round trip
   * per row), answers "success, no count" for every row: the store asks which keys exist first.
   */
  boolean insertBatchCountsRows() {
    return this != MYSQL;
  }

  String insertIfNew(String table, String columns, String placeholders) {
    return String.format(insertIfNew, table, columns, placeholders);
  }

  /**
   * The schema, idempotent: run at every start (after {@link SchemaMigration} brought an older
   * store's key up to date).
   */
  List<String> schema() {
    String heartbeats = "CREATE TABLE IF NOT EXISTS " + HEARTBEATS + " ("
        + "name " + (this == SQLITE ? "TEXT" : "VARCHAR(255)") + " NOT NULL PRIMARY KEY, "
        + "last_seen_at " + bigint + " NOT NULL)"
        + (this == MYSQL ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "");
    if (this == MYSQL) {
      return List.of(createIncidents(INCIDENTS, true), heartbeats);
    }
    return List.of(createIncidents(INCIDENTS, true), heartbeats, createUnackedIndex());
  }

  /**
   * The incidents table. Its key leads with starts_at, which grows with time (Alertmanager's
   * startsAt of a new alert is about now), so a new incident is appended at the end of the key
   * instead of at a random place: a commit touches the last pages of the key rather than a random
   * page per row, as a key leading with the (hashed) fingerprint did. The key's leading column
   * also serves every query by start time.
   *
   * <p>A lookup by fingerprint alone (the acknowledge API) has no index on SQLite and PostgreSQL:
   * one would be a random-order index again, and cost about what the old key cost per new
   * incident; the lookup scans the key newest first instead (under 0.2 s with a million incidents,
   * bench/incidents/RESULTS.md). InnoDB scanned a million rows in about 1.8 s, so MySQL keeps an
   * index on fingerprint.
   */
  String createIncidents(String table, boolean ifNotExists) {
    String fingerprint = this == SQLITE ? "TEXT" : "VARCHAR(64)";
    String longText = this == MYSQL ? "MEDIUMTEXT" : "TEXT";
    return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + table + " ("
        + "fingerprint " + fingerprint + " NOT NULL, "
        + "starts_at " + bigint + " NOT NULL, "
        + "alertname " + shortText + " NOT NULL, "
        + "severity " + shortText + " NOT NULL, "
        + "team " + shortText + " NOT NULL, "
        + "labels " + longText + " NOT NULL, "
        + "summary " + longText + " NOT NULL, "
        + "first_seen_at " + bigint + " NOT NULL, "
        + "acknowledged_at " + bigint + " NULL, "
        + "acknowledged_by " + shortText + " NULL, "
        + "resolved_at " + bigint + " NULL, "
        + "PRIMARY KEY (starts_at, fingerprint)"
        + (this == MYSQL ? ", INDEX saypro_incidents_unacked (acknowledged_at, resolved_at), " + BY_FINGERPRINT_MYSQL
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : ")");
  }

  /** SQLite and PostgreSQL only: MySQL declares it in the table. */
  String createUnackedIndex() {
    return "CREATE INDEX IF NOT EXISTS saypro_incidents_unacked ON " + INCIDENTS + " (acknowledged_at, resolved_at)";
  }
}
