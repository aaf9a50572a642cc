package com.saypro.monitor.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL (127.0.0.1:5432, trust, postgres) and MariaDB (127.0.0.1:3306, root) driven
 * through their real command-line clients: create and fill demo databases, dump them, drop them.
 */
final class LocalServers {
  private LocalServers() {}

  /** A database name unique to this test run. */
  static String unique(String prefix) {
    byte[] random = new byte[5];
    new SecureRandom().nextBytes(random);
    return prefix + "_" + HexFormat.of().formatHex(random);
  }

  static String demoSchema(String file) throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("demo/schema"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("demo/schema above the module").isNotNull();
    return Files.readString(dir.resolve("demo/schema").resolve(file));
  }

  static String run(String stdin, String... argv) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    Process p = builder.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + text).isZero();
    return text;
  }

  static String psql(String database, String sql) throws IOException, InterruptedException {
    return run(sql, "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", database);
  }

  static boolean postgresHas(String database) throws IOException, InterruptedException {
    return !psql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'").isBlank();
  }

  /** Creates a database from the demo schema with a few rows: 5 users, 7 products, 3 orders. */
  static void createPostgresDemo(String database) throws IOException, InterruptedException {
    psql("postgres", "CREATE DATABASE " + database);
    psql(database, demoSchema("postgresql.sql"));
    psql(database, """
        INSERT INTO users (email, password_hash, display_name) SELECT 'u' || g || '@example.org', 'x', 'U' || g FROM generate_series(1, 5) g;
        INSERT INTO products (sku, name, category, price_cents) SELECT 'sku' || g, 'P' || g, 'c', 100 * g FROM generate_series(1, 7) g;
        INSERT INTO orders (order_number, user_id, status) SELECT 'o' || g, g, 'paid' FROM generate_series(1, 3) g;
        """);
  }

  static void dropPostgres(String database) throws IOException, InterruptedException {
    psql("postgres", "DROP DATABASE IF EXISTS " + database);
  }

  static void pgDump(String database, Path file, String format) throws IOException, InterruptedException {
    run(null, "pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-F", format, "-f", file.toString(), database);
  }

  static String mariadb(String sql) throws IOException, InterruptedException {
    return run(sql, "mariadb", "--no-defaults", "--protocol=TCP", "-h", "127.0.0.1", "-P", "3306", "-u", "root",
        "--batch", "--skip-column-names");
  }

  static boolean mariadbHas(String database) throws IOException, InterruptedException {
    return !mariadb("SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + database + "'").isBlank();
  }

  static void createMariadbDemo(String database) throws IOException, InterruptedException {
    mariadb("CREATE DATABASE " + database + ";\nUSE " + database + ";\n" + demoSchema("mysql.sql")
        + "\nINSERT INTO users (email, password_hash, display_name) VALUES ('a@x','x','A'),('b@x','x','B'),('c@x','x','C');"
        + "\nINSERT INTO products (sku, name, category, price_cents) VALUES ('s1','P1','c',1),('s2','P2','c',2);\n");
  }

  static void mariadbDump(String database, Path file, String... extra) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("mariadb-dump", "--no-defaults", "--protocol=TCP", "-h", "127.0.0.1",
        "-P", "3306", "-u", "root", "--single-transaction", "--result-file=" + file));
    argv.addAll(List.of(extra));
    argv.add(database);
    run(null, argv.toArray(new String[0]));
  }
}
