package com.saypro.monitor.incidents.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where incidents are kept: an SQLite file by default (nothing else to run), or a PostgreSQL or
 * MySQL database a team already operates.
 *
 * <pre>
 * storage:
 *   type: sqlite                 # sqlite (default), postgresql or mysql
 *   path: saypro-incidents.db    # sqlite only; relative to the config file's folder
 *   url: jdbc:postgresql://db.internal:5432/monitor   # postgresql / mysql, without credentials
 *   username: saypro_incidents
 *   password_file: incidents-db.password
 *   commit_timeout: 10s          # the webhook answers 503 when a commit takes longer
 * </pre>
 *
 * <p>Two stores are the same store when their records are equal; reloads that keep the storage
 * settings keep the open store and its writer (see {@code SharedStores}). The password takes part
 * in equality only through {@link Secret#equals}, which compares in constant time.
 */
public record StorageConfig(
    Type type, Optional<Path> sqlitePath, Optional<String> url, Optional<String> username,
    Optional<Secret> password, Duration commitTimeout) {

  /** The supported databases. */
  public enum Type {
    SQLITE,
    POSTGRESQL,
    MYSQL
  }

  public static StorageConfig sqlite(Path path) {
    return new StorageConfig(Type.SQLITE, Optional.of(path), Optional.empty(), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(10));
  }

  static StorageConfig read(ConfigNode root, Path configDirectory, SecretFiles files) throws ConfigException {
    Optional<ConfigNode> section = root.get("storage");
    if (section.isEmpty()) {
      return sqlite(configDirectory.resolve("saypro-incidents.db").toAbsolutePath().normalize());
    }
    ConfigNode node = section.get().asMap();
    Type type = node.enumValue("type", Type.class, Type.SQLITE);
    Duration commitTimeout = node.positiveDuration("commit_timeout", Duration.ofSeconds(10));
    if (type == Type.SQLITE) {
      String path = node.string("path", "saypro-incidents.db");
      if (path.isBlank()) {
        throw node.require("path").invalid("must name a file");
      }
      return new StorageConfig(type, Optional.of(configDirectory.resolve(path).toAbsolutePath().normalize()),
          Optional.empty(), Optional.empty(), Optional.empty(), commitTimeout);
    }
    ConfigNode urlNode = node.require("url");
    String url = node.requireString("url");
    String prefix = "jdbc:" + type.name().toLowerCase(Locale.ROOT) + "://";
    if (url.toLowerCase(Locale.ROOT).contains("password")) {
      // never quote it: the value may hold the very password it should not
      throw urlNode.error("must not contain a password: use password_file");
    }
    if (!url.startsWith(prefix)) {
      throw urlNode.invalid("must start with " + prefix + " for storage type " + type.name().toLowerCase(Locale.ROOT));
    }
    Optional<String> username = Optional.ofNullable(node.string("username", null));
    Optional<Secret> password = node.secret("password", files);
    return new StorageConfig(type, Optional.empty(), Optional.of(url), username, password, commitTimeout);
  }

  /** For the landing page and logs: the database without query parameters or credentials. */
  public String describe() {
    return switch (type) {
      case SQLITE -> "sqlite " + sqlitePath.orElseThrow();
      case POSTGRESQL, MYSQL -> type.name().toLowerCase(Locale.ROOT) + " " + url.orElseThrow().replaceAll("\\?.*$", "")
          + username.map(u -> " as " + u).orElse("");
    };
  }

  public String jdbcUrl() {
    return type == Type.SQLITE ? "jdbc:sqlite:" + sqlitePath.orElseThrow() : url.orElseThrow();
  }
}
