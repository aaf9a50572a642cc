package com.saypro.monitor.database.targets;

import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.config.TargetConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured database: its small read-only pool and whether it answered last time.
 *
 * <p>The pool starts even when the database is down (it opens no connection until asked) and holds
 * at most {@code max_connections}, so however many scrapes run at once the server never sees more
 * exporter sessions than that. Once a connection attempt has failed, only the {@code up} probe tries
 * again; the other collectors skip the target instead of each waiting out the connect timeout, and
 * the first successful probe lets them in again.
 */
public final class DatabaseTarget implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseTarget.class);
  private final TargetConfig config;
  private final HikariDataSource pool;
  private final SafeErrors errors;
  private final AtomicBoolean reachable = new AtomicBoolean(true);

  public DatabaseTarget(TargetConfig config) {
    this.config = config;
    this.errors = new SafeErrors(config.password().map(Secret::reveal));
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("saypro-db-" + config.name());
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    config.password().ifPresent(p -> hikari.setPassword(p.reveal()));
    hikari.setDriverClassName(
        config.engine() == Engine.POSTGRESQL ? "org.postgresql.Driver" : "com.mysql.cj.jdbc.Driver");
    hikari.setMaximumPoolSize(config.maxConnections());
    hikari.setMinimumIdle(0);
    hikari.setInitializationFailTimeout(-1);
    hikari.setConnectionTimeout(config.connectTimeout().toMillis());
    hikari.setValidationTimeout(Math.max(250, config.connectTimeout().toMillis() / 2));
    hikari.setIdleTimeout(Duration.ofMinutes(5).toMillis());
    hikari.setReadOnly(true);
    hikari.setAutoCommit(true);
    SessionLimits.apply(config, hikari);
    this.pool = new HikariDataSource(hikari);
  }

  public TargetConfig config() {
    return config;
  }

  public String name() {
    return config.name();
  }

  public Engine engine() {
    return config.engine();
  }

  public SafeErrors errors() {
    return errors;
  }

  public boolean reachable() {
    return reachable.get();
  }

  /**
   * A pooled connection, or {@link TargetUnavailableException} when the target is down. Without
   * {@code probe}, a target known to be down is skipped at once.
   */
  public Connection connect(boolean probe) throws TargetUnavailableException {
    if (!probe && !reachable.get()) {
      throw new TargetUnavailableException("target " + name() + " is down");
    }
    try {
      Connection connection = pool.getConnection();
      if (!reachable.getAndSet(true)) {
        log.info("target {} is reachable again", name());
      }
      return connection;
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  /** Marks the target down, logging the reason once per outage (not once per scrape). */
  private TargetUnavailableException unreachable(SQLException e) {
    String reason = errors.describe(e);
    if (reachable.getAndSet(false)) {
      log.warn("target {} is unreachable: {}", name(), reason);
    }
    return new TargetUnavailableException(reason);
  }

  /** Runs {@code work} on a pooled connection; a lost connection marks the target down. */
  public <T> T withConnection(boolean probe, SqlWork<T> work) throws TargetUnavailableException, SQLException {
    try (Connection connection = connect(probe)) {
      return work.run(connection);
    } catch (SQLException e) {
      if (SafeErrors.isConnectionFailure(e)) {
        throw unreachable(e);
      }
      throw e;
    }
  }

  /** One line for the landing page: never the password. */
  public String describe() {
    return "target " + name() + ": " + engine().configName() + " " + config.url() + " as " + config.user()
        + " (pool " + config.maxConnections() + ", statement timeout " + config.statementTimeout().toMillis() + "ms)";
  }

  /** Server sessions the pool holds right now (for tests and the landing page). */
  public int openConnections() {
    return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getTotalConnections();
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Work done on one connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
