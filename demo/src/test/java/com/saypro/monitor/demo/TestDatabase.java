package com.saypro.monitor.demo;

import com.saypro.monitor.demo.db.DatabaseSettings;
import com.saypro.monitor.demo.db.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A uniquely named database on the machine's real PostgreSQL (127.0.0.1:5432, trust auth) or
 * MariaDB (127.0.0.1:3306, root without password), created for one test class and dropped after.
 */
final class TestDatabase implements AutoCloseable {
  final Dialect dialect;
  final String name;
  private final String adminUrl;
  private final String user;

  private TestDatabase(Dialect dialect, String adminUrl, String user) throws SQLException {
    this.dialect = dialect;
    this.adminUrl = adminUrl;
    this.user = user;
    this.name = "saypro_demo_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
  }

  static TestDatabase postgres() throws SQLException {
    return new TestDatabase(Dialect.POSTGRESQL, "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
  }

  static TestDatabase mariadb() throws SQLException {
    return new TestDatabase(Dialect.MYSQL, "jdbc:mysql://127.0.0.1:3306/test", "root");
  }

  String url() {
    return url("127.0.0.1", dialect == Dialect.POSTGRESQL ? 5432 : 3306);
  }

  String url(String host, int port) {
    return dialect == Dialect.POSTGRESQL
        ? "jdbc:postgresql://" + host + ":" + port + "/" + name
        : "jdbc:mysql://" + host + ":" + port + "/" + name;
  }

  DatabaseSettings settings() {
    return settings(url());
  }

  DatabaseSettings settings(String url) {
    return new DatabaseSettings(url, dialect, user, Optional.empty(), 4, Duration.ofSeconds(3), Duration.ofMillis(200));
  }

  /** Runs SQL in the test database itself. */
  long queryLong(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(), user, null);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, null);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    execute(dialect == Dialect.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
  }
}
