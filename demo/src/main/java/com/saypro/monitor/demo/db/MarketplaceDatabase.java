package com.saypro.monitor.demo.db;

import com.saypro.monitor.demo.logs.AppLog;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace's connection pool, schema and seed, and whether the database is up.
 *
 * <p>The demo must start and serve the pages that need no database when the database is down, and
 * recover on its own: the pool starts without connecting, the schema and seed are applied on the
 * first successful connection, a background check retries while it is down, and each request that
 * cannot get a connection fails fast with {@link DatabaseUnavailableException} (503 upstream).
 */
public final class MarketplaceDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MarketplaceDatabase.class);

  private final DatabaseSettings settings;
  private final AppLog.Source appLog;
  private final HikariDataSource pool;
  private final ScheduledExecutorService retries;
  private final AtomicBoolean up = new AtomicBoolean(false);
  private volatile boolean ready;
  private volatile boolean downAnnounced;

  public MarketplaceDatabase(DatabaseSettings settings, AppLog.Source appLog) {
    this.settings = settings;
    this.appLog = appLog;
    HikariConfig config = new HikariConfig();
    config.setPoolName("saypro-demo");
    config.setJdbcUrl(settings.dialect().driverUrl(settings.url()));
    config.setUsername(settings.user());
    settings.password().ifPresent(p -> config.setPassword(p.reveal()));
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
    config.setValidationTimeout(Math.max(250, settings.connectTimeout().toMillis() / 2));
    config.setInitializationFailTimeout(-1); // start without the database; requests get 503 until it comes
    this.pool = new HikariDataSource(config);
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "demo-db-check");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Tries the database once now (so the start-up log says at once whether it is there), then keeps checking. */
  public void start() {
    check();
    long every = settings.retryInterval().toMillis();
    retries.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  public boolean isUp() {
    return up.get() && ready;
  }

  public Dialect dialect() {
    return settings.dialect();
  }

  /** Runs {@code work} on a pooled connection (auto-commit). */
  public <T> T call(SqlWork<T> work) throws DatabaseUnavailableException, SQLException {
    if (!ready || !up.get()) {
      // Known down: answer 503 at once instead of every request waiting for a connect timeout;
      // the background check notices the recovery within one retry interval.
      throw new DatabaseUnavailableException(unreachableLine("down since the last check"), null);
    }
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      if (isConnectionFailure(e)) {
        markDown(e);
        throw new DatabaseUnavailableException(unreachableLine(reason(e)), e);
      }
      throw e;
    }
  }

  /** Runs {@code work} in one transaction, rolled back when it throws. */
  public <T> T transaction(SqlWork<T> work) throws DatabaseUnavailableException, SQLException {
    return call(connection -> {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    });
  }

  /** Connects, applies schema and seed if not done yet, and records up/down transitions. */
  private synchronized void check() {
    try (Connection connection = connectCreatingDatabase()) {
      if (!ready) {
        applySchema(connection);
        new Seeder(settings.dialect()).seed(connection);
        ready = true;
      } else if (!connection.isValid(2)) {
        throw new SQLTransientConnectionException("connection not valid");
      }
      markUp();
    } catch (SQLException e) {
      markDown(e);
    } catch (RuntimeException e) {
      log.error("database check failed: {}", e.toString());
      markDown(new SQLException(e.toString(), e));
    }
  }

  private Connection connectCreatingDatabase() throws SQLException {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      SQLException cause = rootSqlException(e);
      var name = settings.dialect().databaseName(settings.url());
      if (cause == null || !settings.dialect().isUnknownDatabase(cause) || name.isEmpty()
          || !name.get().matches("[A-Za-z0-9_]{1,63}")) {
        throw e;
      }
      createDatabase(name.get());
      return pool.getConnection();
    }
  }

  /** A fresh machine has a server but not the demo's database: create it, as a convenience. */
  private void createDatabase(String name) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", settings.user());
    settings.password().ifPresent(p -> credentials.setProperty("password", p.reveal()));
    String url = settings.dialect().driverUrl(settings.dialect().maintenanceUrl(settings.url(), name));
    try (Connection connection = DriverManager.getConnection(url, credentials);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE DATABASE " + name);
      log.info("created database {} on {} at {}", name, settings.dialect().product(), settings.address());
    }
  }

  private void applySchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : SchemaScript.statements(settings.dialect())) {
        statement.execute(sql);
      }
    }
  }

  private void markUp() {
    if (up.compareAndSet(false, true)) {
      boolean wasAnnouncedDown = downAnnounced;
      downAnnounced = false;
      if (wasAnnouncedDown) {
        log.info("{} at {} is reachable again", settings.dialect().product(), settings.address());
        appLog.info("database_recovered").with("database", settings.dialect().label())
            .with("address", settings.address()).log("database reachable again");
      } else {
        log.info("{} at {} is ready (schema applied, seed present)", settings.dialect().product(), settings.address());
      }
    }
  }

  private void markDown(SQLException e) {
    up.set(false);
    if (!downAnnounced) {
      downAnnounced = true;
      String reason = reason(e);
      log.warn(unreachableLine(reason));
      appLog.error("database_unavailable").with("database", settings.dialect().label())
          .with("address", settings.address()).with("reason", reason).log("database not reachable: " + reason);
    }
  }

  /** The one line an operator needs: what is missing, where, and how to fix it. */
  public String unreachableLine(String reason) {
    return settings.dialect().product() + " at " + settings.address() + " is not reachable (" + reason + "): "
        + settings.dialect().startHint() + ", or run with --db.url=JDBC_URL (" + (settings.dialect() == Dialect.POSTGRESQL
        ? "jdbc:mysql://127.0.0.1:3306/saypro_demo" : DatabaseSettings.DEFAULT_URL)
        + "); serving the pages that need no database and retrying every " + settings.retryInterval().toSeconds() + "s";
  }

  private static boolean isConnectionFailure(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  private static SQLException rootSqlException(Throwable e) {
    SQLException last = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        last = sql;
      }
    }
    return last;
  }

  /** A short reason without the URL or credentials (drivers put neither in these messages). */
  static String reason(SQLException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > 160 ? text.substring(0, 160) + "..." : text;
  }

  @Override
  public void close() {
    retries.shutdownNow();
    pool.close();
  }
}
