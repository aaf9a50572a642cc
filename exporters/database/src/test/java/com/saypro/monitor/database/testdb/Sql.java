package com.saypro.monitor.database.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Plain JDBC for test set-up: run statements, read one number. */
public final class Sql implements AutoCloseable {
  private final Connection connection;

  private Sql(Connection connection) {
    this.connection = connection;
  }

  public static Sql connect(String url, String user, String password) {
    try {
      Properties props = new Properties();
      props.setProperty("user", user);
      if (password != null) {
        props.setProperty("password", password);
      }
      return new Sql(DriverManager.getConnection(url, props));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + url + " as " + user + ": " + e.getMessage(), e);
    }
  }

  public Sql run(String... statements) {
    for (String sql : statements) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
    return this;
  }

  /** Runs a script of statements separated by semicolons at line ends (the demo schema files). */
  public Sql script(String text) {
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.trim().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.trim().endsWith(";")) {
        run(current.toString().trim().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    return this;
  }

  public double number(String sql) {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException(sql + " returned no row");
      }
      return rs.getDouble(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // test teardown
    }
  }
}
