package com.saypro.monitor.database.checks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one check's SQL and turns its rows into {@link CheckResult.Row}s, refusing results that do
 * not have the declared columns, values that are not numbers, and more rows than {@code max_rows}.
 */
final class CheckQuery {
  private CheckQuery() {}

  /** A result the check's declaration does not allow: the check fails, the rest go on. */
  static final class WrongShapeException extends Exception {
    private static final long serialVersionUID = 1L;

    WrongShapeException(String message) {
      super(message, null, false, false);
    }
  }

  static List<CheckResult.Row> run(Connection connection, String sql, CheckConfig check, Duration timeout)
      throws SQLException, WrongShapeException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
      statement.setMaxRows(check.maxRows() + 1);
      try (ResultSet rs = statement.executeQuery(sql)) {
        Map<String, Integer> columns = columns(rs.getMetaData());
        List<Integer> labelIndexes = indexes(columns, check.labels(), check);
        List<Integer> valueIndexes = indexes(columns, check.values(), check);
        List<CheckResult.Row> rows = new ArrayList<>();
        while (rs.next()) {
          if (rows.size() == check.maxRows()) {
            throw new WrongShapeException("returned more than max_rows (" + check.maxRows() + ") rows");
          }
          List<String> labels = new ArrayList<>(labelIndexes.size());
          for (int index : labelIndexes) {
            String value = rs.getString(index);
            labels.add(value == null ? "" : value);
          }
          List<Double> values = new ArrayList<>(valueIndexes.size());
          for (int i = 0; i < valueIndexes.size(); i++) {
            values.add(number(rs.getObject(valueIndexes.get(i)), check.values().get(i)));
          }
          rows.add(new CheckResult.Row(labels, values));
        }
        return rows;
      }
    }
  }

  private static Map<String, Integer> columns(ResultSetMetaData meta) throws SQLException {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    return columns;
  }

  private static List<Integer> indexes(Map<String, Integer> columns, List<String> wanted, CheckConfig check)
      throws WrongShapeException {
    List<Integer> out = new ArrayList<>();
    for (String name : wanted) {
      Integer index = columns.get(name);
      if (index == null) {
        throw new WrongShapeException(
            "returned columns " + columns.keySet() + " but declares labels " + check.labels()
                + " and values " + check.values() + " (column " + name + " is missing)");
      }
      out.add(index);
    }
    return out;
  }

  /** NULL stays null (the sample is left out); anything else must be a number. */
  private static Double number(Object value, String column) throws WrongShapeException {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new WrongShapeException("value column " + column + " holds a value that is not a number");
    }
  }
}
