package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the exporter's own SQL: every statement with a client-side timeout (the time left in the
 * collection, at most the target's statement timeout) on top of the server-side limits of the
 * session, and read in the simplest shapes the collectors need.
 */
final class Query {
  private final Connection connection;
  private final Duration limit;

  Query(Connection connection, DatabaseTarget target, CollectContext context) {
    this(connection, min(target.config().statementTimeout(), context.remaining()));
  }

  Query(Connection connection, Duration limit) {
    this.connection = connection;
    this.limit = limit;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  /** A statement whose driver cancels it once the limit passes (the server's own limit applies first). */
  Statement statement() throws SQLException {
    Statement statement = connection.createStatement();
    statement.setQueryTimeout(timeoutSeconds());
    return statement;
  }

  // +1 s so the server-side limit, which says why it fired, normally wins the race
  private int timeoutSeconds() {
    return (int) Math.max(1, (limit.toMillis() + 999) / 1000 + 1);
  }

  /** Every row, as lower-cased column name to value. */
  List<Map<String, Object>> rows(String sql) throws SQLException {
    try (Statement statement = statement(); ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      List<String> names = new ArrayList<>(columns);
      for (int i = 1; i <= columns; i++) {
        names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
      List<Map<String, Object>> out = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(names.get(i - 1), rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /**
   * Every row as its columns in order (lower-cased label, value), for results whose labels may
   * repeat. Through a prepared statement, which PostgreSQL's driver keeps on the server once it has
   * run a few times, so the server stops parsing and planning it on every scrape.
   */
  List<List<Map.Entry<String, Object>>> columnsInOrder(String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(timeoutSeconds());
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        List<String> names = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<List<Map.Entry<String, Object>>> out = new ArrayList<>();
        while (rs.next()) {
          List<Map.Entry<String, Object>> row = new ArrayList<>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(new AbstractMap.SimpleImmutableEntry<>(names.get(i - 1), rs.getObject(i)));
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  /** The one row a query returns (empty map when none). */
  Map<String, Object> row(String sql) throws SQLException {
    List<Map<String, Object>> rows = rows(sql);
    return rows.isEmpty() ? Map.of() : rows.get(0);
  }

  /** Two-column results ({@code SHOW GLOBAL STATUS}) as a name to number map; names lower-cased. */
  Map<String, Double> keyValues(String sql) throws SQLException {
    Map<String, Double> out = new HashMap<>();
    try (Statement statement = statement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        Double value = number(rs.getString(2));
        if (value != null) {
          out.put(rs.getString(1).toLowerCase(Locale.ROOT), value);
        }
      }
    }
    return out;
  }

  /** A column's value as a number, or null when it is SQL NULL or not numeric. */
  static Double number(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("on") || text.equalsIgnoreCase("yes")) {
      return 1.0;
    }
    if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("no")) {
      return 0.0;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static double numberOr(Object value, double fallback) {
    Double n = number(value);
    return n == null ? fallback : n;
  }
}
