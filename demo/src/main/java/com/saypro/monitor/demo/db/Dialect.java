package com.saypro.monitor.demo.db;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** What differs between PostgreSQL and MySQL/MariaDB for the demo: schema file, SQL, hints. */
public enum Dialect {
  POSTGRESQL("postgresql", "PostgreSQL", 5432, "postgresql.sql",
      "start it (Debian: apt-get install postgresql, then systemctl start postgresql)"),
  MYSQL("mysql", "MySQL/MariaDB", 3306, "mysql.sql",
      "start it (Debian: apt-get install mariadb-server, then systemctl start mariadb)");

  private final String label;
  private final String product;
  private final int defaultPort;
  private final String schemaFile;
  private final String startHint;

  Dialect(String label, String product, int defaultPort, String schemaFile, String startHint) {
    this.label = label;
    this.product = product;
    this.defaultPort = defaultPort;
    this.schemaFile = schemaFile;
    this.startHint = startHint;
  }

  /** The dialect of a JDBC URL ({@code jdbc:postgresql:}, {@code jdbc:mysql:}, {@code jdbc:mariadb:}). */
  public static Optional<Dialect> of(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:postgresql:")) {
      return Optional.of(POSTGRESQL);
    }
    if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
      return Optional.of(MYSQL);
    }
    return Optional.empty();
  }

  /** MariaDB speaks the MySQL protocol; the demo ships one driver (Connector/J) for both. */
  public String driverUrl(String jdbcUrl) {
    return jdbcUrl.regionMatches(true, 0, "jdbc:mariadb:", 0, 13) ? "jdbc:mysql:" + jdbcUrl.substring(13) : jdbcUrl;
  }

  public String label() {
    return label;
  }

  public String product() {
    return product;
  }

  public String schemaResource() {
    return "/com/saypro/monitor/demo/schema/" + schemaFile;
  }

  public String startHint() {
    return startHint;
  }

  /** {@code host:port} of a JDBC URL, for messages (never the credentials or parameters). */
  public String address(String jdbcUrl) {
    try {
      URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
      String host = uri.getHost() == null ? "localhost" : uri.getHost();
      return host + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort());
    } catch (IllegalArgumentException e) {
      return "(address not parsed)";
    }
  }

  /** The database name in a JDBC URL, if it has one. */
  public Optional<String> databaseName(String jdbcUrl) {
    try {
      String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
      return path == null || path.length() <= 1 ? Optional.empty() : Optional.of(path.substring(1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The same server with a database the server always has, to create the demo's own. */
  public String maintenanceUrl(String jdbcUrl, String database) {
    String target = "/" + database;
    int at = jdbcUrl.indexOf(target);
    String replacement = this == POSTGRESQL ? "/postgres" : "/";
    return jdbcUrl.substring(0, at) + replacement + jdbcUrl.substring(at + target.length());
  }

  /** Whether a failure to connect means "this database does not exist". */
  public boolean isUnknownDatabase(java.sql.SQLException e) {
    return this == POSTGRESQL ? "3D000".equals(e.getSQLState()) : e.getErrorCode() == 1049;
  }

  /** An INSERT that skips rows whose unique key exists already (the seed is idempotent). */
  public String insertIgnoring(String table, String columns, String values) {
    return this == POSTGRESQL
        ? "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT DO NOTHING"
        : "INSERT IGNORE INTO " + table + " (" + columns + ") VALUES (" + values + ")";
  }

  /** Case-insensitive substring match of a column against a bound pattern. */
  public String containsIgnoringCase(String column) {
    return this == POSTGRESQL ? column + " ILIKE ?" : "LOWER(" + column + ") LIKE LOWER(?)";
  }
}
