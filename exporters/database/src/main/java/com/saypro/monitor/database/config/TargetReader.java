package com.saypro.monitor.database.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one entry of {@code targets:}.
 *
 * <pre>
 * targets:
 *   - name: marketplace
 *     engine: postgresql
 *     url: jdbc:postgresql://127.0.0.1:5432/marketplace
 *     user: saypro_monitor
 *     password_file: /etc/saypro/db-password
 *     max_connections: 2
 *     connect_timeout: 2s
 *     statement_timeout: 5s
 *     lock_timeout: 1s
 * </pre>
 */
final class TargetReader {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final SecretFiles secretFiles;

  TargetReader(SecretFiles secretFiles) {
    this.secretFiles = secretFiles;
  }

  TargetConfig read(ConfigNode node) throws ConfigException {
    node = node.asMap();
    ConfigNode nameNode = node.require("name");
    String name = nameNode.asString();
    if (!NAME.matcher(name).matches()) {
      throw nameNode.invalid("is not a valid target name (lower-case letters, digits, _ and -, at most 63)");
    }
    try {
      return readNamed(node, name);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " (target " + name + ")");
    }
  }

  private TargetConfig readNamed(ConfigNode node, String name) throws ConfigException {
    Engine engine = node.enumValue("engine", Engine.class, null);
    if (engine == null) {
      throw node.error("missing required key \"engine\" (postgresql or mysql)");
    }
    ConfigNode urlNode = node.require("url");
    String url = urlNode.asString();
    JdbcUrlRules.check(urlNode, url, engine);
    String user = node.requireString("user");
    Optional<Secret> password = node.secret("password", secretFiles);
    int maxConnections = node.integer("max_connections", 2, 1, 10);
    Duration connectTimeout = node.positiveDuration("connect_timeout", Duration.ofSeconds(2));
    if (connectTimeout.compareTo(Duration.ofMillis(250)) < 0 || connectTimeout.compareTo(MAX_CONNECT_TIMEOUT) > 0) {
      throw node.require("connect_timeout").invalid("must be between 250ms and 30s (keep it shorter than the scrape timeout)");
    }
    Duration statementTimeout = node.positiveDuration("statement_timeout", Duration.ofSeconds(5));
    Duration lockTimeout = node.positiveDuration("lock_timeout", Duration.ofSeconds(1));
    if (lockTimeout.compareTo(Duration.ofSeconds(1)) < 0 && engine == Engine.MYSQL) {
      throw node.require("lock_timeout").invalid("must be at least 1s for mysql (lock_wait_timeout counts whole seconds)");
    }
    return new TargetConfig(
        name, engine, url, user, password, maxConnections, connectTimeout, statementTimeout, lockTimeout);
  }
}
