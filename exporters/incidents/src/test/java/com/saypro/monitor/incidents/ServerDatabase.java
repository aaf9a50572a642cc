package com.saypro.monitor.incidents;

import com.saypro.monitor.incidents.config.StorageConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A throw-away schema (PostgreSQL) or database (MySQL/MariaDB) on this machine's real server, unique
 * to one test run, dropped afterwards. A server that is not running fails the test naming the
 * Debian package that provides it.
 */
public enum ServerDatabase {
  POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgresql") {
    @Override
    String storage(String name) {
      return "storage:\n  type: postgresql\n  url: jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name + "\n  username: postgres\n";
    }

    @Override
    String create(String name) {
      return "CREATE SCHEMA " + name;
    }

    @Override
    String drop(String name) {
      return "DROP SCHEMA IF EXISTS " + name + " CASCADE";
    }

    @Override
    String renameIncidents(String name, String from, String to) {
      return "ALTER TABLE " + name + "." + from + " RENAME TO " + to;
    }
  },
  MYSQL("jdbc:mysql://127.0.0.1:3306/test", "root", "mariadb-server") {
    @Override
    String storage(String name) {
      return "storage:\n  type: mysql\n  url: jdbc:mysql://127.0.0.1:3306/" + name + "\n  username: root\n";
    }

    @Override
    String create(String name) {
      return "CREATE DATABASE " + name + " CHARACTER SET utf8mb4";
    }

    @Override
    String drop(String name) {
      return "DROP DATABASE IF EXISTS " + name;
    }

    @Override
    String renameIncidents(String name, String from, String to) {
      return "RENAME TABLE " + name + "." + from + " TO " + name + "." + to;
    }
  };

  private final String adminUrl;
  private final String user;
  private final String debianPackage;

  ServerDatabase(String adminUrl, String user, String debianPackage) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.debianPackage = debianPackage;
  }

  abstract String storage(String name);

  abstract String create(String name);

  abstract String drop(String name);

  abstract String renameIncidents(String name, String from, String to);

  /** A new, empty schema or database. */
  public Scratch scratch() {
    String name = "incidents_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(create(name));
    return new Scratch(name);
  }

  void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(name() + " on 127.0.0.1 is needed (Debian package " + debianPackage
          + ", started, with the test database and password-less " + user + "): " + e.getMessage(), e);
    }
  }

  /** One scratch schema or database. */
  public final class Scratch implements AutoCloseable {
    private final String name;

    private Scratch(String name) {
      this.name = name;
    }

    /** The same store as {@link #storage()}, as the record the exporter reads it into. */
    public StorageConfig storageConfig() {
      String url = ServerDatabase.this == POSTGRESQL
          ? "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name
          : "jdbc:mysql://127.0.0.1:3306/" + name;
      return new StorageConfig(ServerDatabase.this == POSTGRESQL ? StorageConfig.Type.POSTGRESQL : StorageConfig.Type.MYSQL,
          Optional.empty(), Optional.of(url), Optional.of(user), Optional.empty(), Duration.ofSeconds(10));
    }

    /** The exporter's {@code storage:} section for it. */
    public String storage() {
      return ServerDatabase.this.storage(name);
    }

    public void renameIncidentsTable(String from, String to) {
      execute(renameIncidents(name, from, to));
    }

    @Override
    public void close() {
      execute(drop(name));
    }
  }
}
