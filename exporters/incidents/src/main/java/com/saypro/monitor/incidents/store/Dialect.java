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

  String insertIfNew(String table, String columns, String placeholders) {
    return String.format(insertIfNew, table, columns, placeholders);
  }

  /** The schema, idempotent: run at every start. */
  List<String> schema() {
    String fingerprint = this == SQLITE ? "TEXT" : "VARCHAR(64)";
    String longText = this == MYSQL ? "MEDIUMTEXT" : "TEXT";
    String incidents = "CREATE TABLE IF NOT EXISTS " + INCIDENTS + " ("
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
        + "PRIMARY KEY (fingerprint, starts_at)"
        + (this == MYSQL ? ", INDEX saypro_incidents_by_start (starts_at), INDEX saypro_incidents_unacked (acknowledged_at, resolved_at)"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : ")");
    String heartbeats = "CREATE TABLE IF NOT EXISTS " + HEARTBEATS + " ("
        + "name " + (this == SQLITE ? "TEXT" : "VARCHAR(255)") + " NOT NULL PRIMARY KEY, "
        + "last_seen_at " + bigint + " NOT NULL)"
        + (this == MYSQL ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "");
    if (this == MYSQL) {
      return List.of(incidents, heartbeats);
    }
    return List.of(
        incidents,
        heartbeats,
        "CREATE INDEX IF NOT EXISTS saypro_incidents_by_start ON " + INCIDENTS + " (starts_at)",
        "CREATE INDEX IF NOT EXISTS saypro_incidents_unacked ON " + INCIDENTS + " (acknowledged_at, resolved_at)");
  }
}
