package com.saypro.monitor.database.config;

/** The database engines a target can run; {@code mysql} covers MariaDB too. */
public enum Engine {
  POSTGRESQL("jdbc:postgresql:"),
  MYSQL("jdbc:mysql:");

  private final String urlPrefix;

  Engine(String urlPrefix) {
    this.urlPrefix = urlPrefix;
  }

  /** The start every JDBC URL of this engine must have. */
  public String urlPrefix() {
    return urlPrefix;
  }

  /** The name used in config, labels and check files. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
