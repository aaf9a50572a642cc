package com.saypro.monitor.incidents.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.incidents.store.IncidentEvent.Acknowledged;
import com.saypro.monitor.incidents.store.IncidentEvent.Opened;
import com.saypro.monitor.incidents.store.IncidentEvent.Resolved;
import com.saypro.monitor.incidents.store.StoreCommand.AckRequest;
import com.saypro.monitor.incidents.store.StoreCommand.AlertNotice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The SQL of the incident store, on a connection the caller owns (the writer's transaction, or a
 * pooled read). Writes are idempotent: a notification applied twice (Alertmanager retrying after a
 * lost answer, or two Alertmanagers of a cluster) changes nothing the second time.
 */
public final class IncidentStore {
  private static final String COLUMNS =
      "fingerprint, starts_at, alertname, severity, team, labels, summary, first_seen_at, acknowledged_at, acknowledged_by, resolved_at";
  /** A new row: never acknowledged yet, so the acknowledgement columns are left to their NULL default. */
  private static final String INSERT_COLUMNS =
      "fingerprint, starts_at, alertname, severity, team, labels, summary, first_seen_at, resolved_at";
  private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() {};

  private final Dialect dialect;
  private final ObjectMapper json = new ObjectMapper();
  private final String insertIfNew;
  private final Predicate<IncidentKey> knownOpen;

  /**
   * @param knownOpen whether an incident is stored, committed and open (see {@code IncidentDatabase}): a
   *     resolved alert of one is only an update, with no insert tried first
   */
  IncidentStore(Dialect dialect, Predicate<IncidentKey> knownOpen) {
    this.dialect = dialect;
    this.knownOpen = knownOpen;
    this.insertIfNew = dialect.insertIfNew(Dialect.INCIDENTS, INSERT_COLUMNS, "?, ?, ?, ?, ?, ?, ?, ?, ?");
  }

  void createSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String ddl : dialect.schema()) {
        statement.execute(ddl);
      }
    }
  }

  /** Applies one command inside the caller's transaction and returns what changed. */
  List<IncidentEvent> apply(Connection connection, StoreCommand command) throws SQLException {
    if (command instanceof StoreCommand.RecordAlerts alerts) {
      return record(connection, alerts);
    }
    return acknowledge(connection, ((StoreCommand.Acknowledge) command).requests());
  }

  private List<IncidentEvent> record(Connection connection, StoreCommand.RecordAlerts command) throws SQLException {
    List<IncidentEvent> events = new ArrayList<>();
    // the resolution of an incident known to be open needs no insert: its row is there (rows are never
    // deleted). Anything else is inserted if new; a resolved alert whose row was already there is then updated.
    List<AlertNotice> alerts = new ArrayList<>(command.alerts().size());
    List<AlertNotice> resolveExisting = new ArrayList<>();
    for (AlertNotice alert : command.alerts()) {
      (!alert.firing() && knownOpen.test(alert.key()) ? resolveExisting : alerts).add(alert);
    }
    if (!alerts.isEmpty()) {
      List<IncidentRecord> rows = new ArrayList<>(alerts.size());
      int[] inserted;
      if (dialect.insertBatchCountsRows()) {
        try (PreparedStatement insert = connection.prepareStatement(insertIfNew)) {
          for (AlertNotice alert : alerts) {
            IncidentRecord row = newRecord(alert, command.receivedAt());
            rows.add(row);
            bindInsert(insert, row, alert);
            insert.addBatch();
          }
          inserted = insert.executeBatch();
        }
      } else {
        inserted = insertAbsent(connection, alerts, command.receivedAt(), rows);
      }
      for (int i = 0; i < alerts.size(); i++) {
        if (changed(inserted[i])) {
          events.add(new Opened(rows.get(i)));
        } else if (!alerts.get(i).firing()) {
          resolveExisting.add(alerts.get(i));
        }
      }
    }
    if (!resolveExisting.isEmpty()) {
      resolve(connection, resolveExisting, events);
    }
    if (command.heartbeat().isPresent()) {
      heartbeat(connection, command.heartbeat().get(), command.receivedAt());
    }
    return events;
  }

  /**
   * Insert-if-new where the driver does not count rows per batch entry (MySQL): the keys already
   * stored are read first, in this transaction (which sees its own earlier writes), and only the
   * first alert of each absent key is inserted. Exact while this writer is the store's only one (one
   * exporter per store, README), and because fingerprints are lowercase hexadecimal ({@code
   * WebhookPayload}), so Java's string comparison agrees with the column's collation.
   *
   * @return per alert, 1 if its row was inserted, else 0; {@code rows} gets every alert's new row
   */
  private int[] insertAbsent(Connection connection, List<AlertNotice> alerts, Instant receivedAt, List<IncidentRecord> rows)
      throws SQLException {
    Set<IncidentKey> present = new HashSet<>();
    Set<Long> starts = new LinkedHashSet<>();
    for (AlertNotice alert : alerts) {
      starts.add(alert.startsAt().toEpochMilli());
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT fingerprint, starts_at FROM " + Dialect.INCIDENTS
        + " WHERE starts_at IN (" + String.join(", ", Collections.nCopies(starts.size(), "?")) + ")")) {
      int i = 1;
      for (long start : starts) {
        query.setLong(i++, start);
      }
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          present.add(new IncidentKey(found.getString(1), found.getLong(2)));
        }
      }
    }
    int[] inserted = new int[alerts.size()];
    boolean any = false;
    try (PreparedStatement insert = connection.prepareStatement(insertIfNew)) {
      for (int i = 0; i < alerts.size(); i++) {
        AlertNotice alert = alerts.get(i);
        IncidentRecord row = newRecord(alert, receivedAt);
        rows.add(row);
        if (present.add(alert.key())) {
          bindInsert(insert, row, alert);
          insert.addBatch();
          inserted[i] = 1;
          any = true;
        }
      }
      if (any) {
        insert.executeBatch();
      }
    }
    return inserted;
  }

  private void resolve(Connection connection, List<AlertNotice> alerts, List<IncidentEvent> events) throws SQLException {
    int[] updated;
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + Dialect.INCIDENTS + " SET resolved_at = ? WHERE fingerprint = ? AND starts_at = ? AND resolved_at IS NULL")) {
      for (AlertNotice alert : alerts) {
        update.setLong(1, alert.endsAt().toEpochMilli());
        update.setString(2, alert.fingerprint());
        update.setLong(3, alert.startsAt().toEpochMilli());
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    for (int i = 0; i < alerts.size(); i++) {
      if (changed(updated[i])) {
        AlertNotice alert = alerts.get(i);
        events.add(new Resolved(alert.key(), alert.severity(), alert.team(), alert.endsAt()));
      }
    }
  }

  private List<IncidentEvent> acknowledge(Connection connection, List<AckRequest> requests) throws SQLException {
    List<IncidentEvent> events = new ArrayList<>();
    int[] updated;
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + Dialect.INCIDENTS + " SET acknowledged_at = ?, acknowledged_by = ? "
            + "WHERE fingerprint = ? AND starts_at = ? AND acknowledged_at IS NULL")) {
      for (AckRequest request : requests) {
        update.setLong(1, request.at().toEpochMilli());
        update.setString(2, request.by());
        update.setString(3, request.key().fingerprint());
        update.setLong(4, request.key().startsAtMillis());
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    for (int i = 0; i < requests.size(); i++) {
      if (changed(updated[i])) {
        AckRequest r = requests.get(i);
        events.add(new Acknowledged(r.key(), r.severity(), r.team(), r.at(), r.source()));
      }
    }
    return events;
  }

  private void heartbeat(Connection connection, String name, Instant at) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + Dialect.HEARTBEATS + " SET last_seen_at = ? WHERE name = ? AND last_seen_at < ?")) {
      update.setLong(1, at.toEpochMilli());
      update.setString(2, name);
      update.setLong(3, at.toEpochMilli());
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        dialect.insertIfNew(Dialect.HEARTBEATS, "name, last_seen_at", "?, ?"))) {
      insert.setString(1, name);
      insert.setLong(2, at.toEpochMilli());
      insert.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- reads

  /** Every stored incident, once, in no particular order (the start-up rebuild). */
  void forEach(Connection connection, Consumer<IncidentRecord> consumer) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + Dialect.INCIDENTS)) {
      query.setFetchSize(1000);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          consumer.accept(read(rows));
        }
      }
    }
  }

  /** The keys of every open incident (start-up, for the known-open shortcut). */
  void openKeys(Connection connection, Consumer<IncidentKey> consumer) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT fingerprint, starts_at FROM " + Dialect.INCIDENTS + " WHERE resolved_at IS NULL")) {
      query.setFetchSize(1000);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          consumer.accept(new IncidentKey(rows.getString(1), rows.getLong(2)));
        }
      }
    }
  }

  List<IncidentRecord> open(Connection connection, int limit) throws SQLException {
    return query(connection, "WHERE resolved_at IS NULL ORDER BY starts_at DESC", limit);
  }

  List<IncidentRecord> startedBetween(Connection connection, Instant from, Instant until, int limit) throws SQLException {
    return query(connection, "WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at DESC", limit,
        from.toEpochMilli(), until.toEpochMilli());
  }

  List<IncidentRecord> unacknowledged(Connection connection, Instant resolvedSince, int limit) throws SQLException {
    return query(connection, "WHERE acknowledged_at IS NULL AND (resolved_at IS NULL OR resolved_at >= ?) ORDER BY starts_at",
        limit, resolvedSince.toEpochMilli());
  }

  /** Uses no index on SQLite and PostgreSQL: a scan of the key, newest first (see {@link Dialect#createIncidents}). */
  List<IncidentRecord> byFingerprint(Connection connection, String fingerprint) throws SQLException {
    return query(connection, "WHERE fingerprint = ? ORDER BY starts_at DESC", 100, fingerprint);
  }

  Optional<Instant> heartbeat(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT last_seen_at FROM " + Dialect.HEARTBEATS + " WHERE name = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(Instant.ofEpochMilli(rows.getLong(1))) : Optional.empty();
      }
    }
  }

  private List<IncidentRecord> query(Connection connection, String where, int limit, Object... parameters) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM " + Dialect.INCIDENTS + " " + where + " LIMIT " + limit)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<IncidentRecord> out = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          out.add(read(rows));
        }
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- mapping

  private IncidentRecord newRecord(AlertNotice alert, Instant receivedAt) {
    return new IncidentRecord(
        alert.key(), alert.alertname(), alert.severity(), alert.team(), alert.labels(), alert.summary(),
        receivedAt, Optional.empty(), Optional.empty(),
        alert.firing() ? Optional.empty() : Optional.of(alert.endsAt()));
  }

  /** The fingerprint and label JSON are the alert's own strings (the row's key holds the fingerprint as a number). */
  private void bindInsert(PreparedStatement insert, IncidentRecord row, AlertNotice alert) throws SQLException {
    insert.setString(1, alert.fingerprint());
    insert.setLong(2, row.key().startsAtMillis());
    insert.setString(3, row.alertname());
    insert.setString(4, row.severity());
    insert.setString(5, row.team());
    insert.setString(6, alert.labelsJson());
    insert.setString(7, row.summary());
    insert.setLong(8, row.firstSeenAt().toEpochMilli());
    if (row.resolvedAt().isPresent()) {
      insert.setLong(9, row.resolvedAt().get().toEpochMilli());
    } else {
      insert.setNull(9, Types.BIGINT);
    }
  }

  private IncidentRecord read(ResultSet rows) throws SQLException {
    return new IncidentRecord(
        new IncidentKey(rows.getString(1), rows.getLong(2)),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        labels(rows.getString(6)),
        rows.getString(7),
        Instant.ofEpochMilli(rows.getLong(8)),
        optionalInstant(rows, 9),
        Optional.ofNullable(rows.getString(10)),
        optionalInstant(rows, 11));
  }

  private static Optional<Instant> optionalInstant(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  private Map<String, String> labels(String text) {
    try {
      return json.readValue(text, LABELS);
    } catch (JsonProcessingException e) {
      return Map.of(); // a row edited by hand: show it without labels rather than fail the page
    }
  }

  /** A batch count: 1 (or SUCCESS_NO_INFO, which no driver used here returns for a skipped row) means a row changed. */
  private static boolean changed(int count) {
    return count > 0;
  }
}
