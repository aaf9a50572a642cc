package com.saypro.monitor.database.testdb;

import java.util.UUID;

/**
 * Fresh databases and least-privilege monitoring users on the machine's shared servers
 * (PostgreSQL 127.0.0.1:5432, MariaDB 127.0.0.1:3306), named uniquely so engineers running tests at
 * the same time never meet. {@link #close()} drops what it made.
 */
public final class SharedServers {
  public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String MARIADB_ADMIN_URL = "jdbc:mysql://127.0.0.1:3306/";

  /** A database with a monitoring user that has only what the README's least-privilege setup grants. */
  public record Database(String engine, String name, String user, String password, String url, Runnable drop)
      implements AutoCloseable {
    @Override
    public void close() {
      drop.run();
    }

    public Sql admin() {
      return Sql.connect(url, engine.equals("postgresql") ? "postgres" : "root", null);
    }

    public Sql monitor() {
      return Sql.connect(url, user, password);
    }

    /** The exporter's target block for this database (password given inline). */
    public String targetYaml(String targetName, String extra) {
      return "  - name: " + targetName + "\n"
          + "    engine: " + (engine.equals("postgresql") ? "postgresql" : "mysql") + "\n"
          + "    url: " + url + "\n"
          + "    user: " + user + "\n"
          + "    password: " + password + "\n"
          + extra;
    }
  }

  private SharedServers() {}

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** A fresh PostgreSQL database with the demo marketplace schema and a {@code pg_monitor} user. */
  public static Database postgres() {
    String name = unique("saypro_dbt_");
    String user = unique("saypro_mon_");
    String password = "pw-" + UUID.randomUUID();
    try (Sql admin = Sql.connect(POSTGRES_ADMIN_URL, "postgres", null)) {
      admin.run("CREATE DATABASE " + name,
          "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'",
          "GRANT pg_monitor TO " + user);
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
    try (Sql db = Sql.connect(url, "postgres", null)) {
      db.script(DemoSchema.postgresql());
      db.run("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + user);
    }
    return new Database("postgresql", name, user, password, url, () -> {
      try (Sql admin = Sql.connect(POSTGRES_ADMIN_URL, "postgres", null)) {
        admin.run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "DROP ROLE IF EXISTS " + user);
      }
    });
  }

  /** A fresh MariaDB database with the demo schema and a PROCESS, REPLICATION CLIENT, SELECT user. */
  public static Database mariadb() {
    String name = unique("saypro_dbt_");
    String user = unique("saypro_mon_");
    String password = "pw-" + UUID.randomUUID();
    try (Sql admin = Sql.connect(MARIADB_ADMIN_URL, "root", null)) {
      admin.run("CREATE DATABASE " + name,
          "CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'",
          "GRANT PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT ON *.* TO '" + user + "'@'127.0.0.1'");
    }
    String url = "jdbc:mysql://127.0.0.1:3306/" + name;
    try (Sql db = Sql.connect(url, "root", null)) {
      db.script(DemoSchema.mysql());
    }
    return new Database("mysql", name, user, password, url, () -> {
      try (Sql admin = Sql.connect(MARIADB_ADMIN_URL, "root", null)) {
        admin.run("DROP DATABASE IF EXISTS " + name, "DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
      }
    });
  }
}
