package com.saypro.monitor.incidents.store;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.incidents.config.StorageConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open incident store: the connection pool, the schema, the single writer, and the listeners
 * (in-memory figures) that hear every committed change. One per storage config in a process, shared
 * by the exporters a reload builds (see {@link SharedStores}).
 */
public final class IncidentDatabase implements AutoCloseable {
  private final StorageConfig config;
  private final HikariDataSource pool;
  private final IncidentStore store;
  private final StoreWriter writer;
  private final List<IncidentListener> listeners = new CopyOnWriteArrayList<>();
  /**
   * Incidents known to be stored and open. A firing alert of one of them would change nothing in
   * the store, so it is not written at all: repeats (every repeat_interval, or from each member of
   * a cluster) cost no transaction. Only ever holds keys that are committed.
   */
  private final Set<IncidentKey> knownOpen;

  private IncidentDatabase(StorageConfig config, HikariDataSource pool, IncidentStore store, Set<IncidentKey> knownOpen) {
    this.config = config;
    this.pool = pool;
    this.store = store;
    this.knownOpen = knownOpen;
    this.writer = new StoreWriter(store, pool, this::publish, config.type().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Opens the pool and creates the schema; fails with one line naming the store. */
  public static IncidentDatabase open(StorageConfig config) throws ConfigException {
    Dialect dialect = Dialect.of(config.type());
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(poolConfig(config));
    } catch (RuntimeException e) {
      throw new ConfigException("cannot open the incident store (" + config.describe() + "): " + rootMessage(e), e);
    }
    Set<IncidentKey> open = ConcurrentHashMap.newKeySet();
    IncidentStore store = new IncidentStore(dialect, open::contains);
    try (Connection connection = pool.getConnection()) {
      SchemaMigration.migrate(connection, dialect, config.describe());
      store.createSchema(connection);
      connection.setAutoCommit(false);
      store.openKeys(connection, open::add);
      connection.commit();
    } catch (SQLException e) {
      pool.close();
      throw new ConfigException("cannot create or read the incident tables in " + config.describe() + ": " + rootMessage(e), e);
    }
    return new IncidentDatabase(config, pool, store, open);
  }

  private static HikariConfig poolConfig(StorageConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("incidents-" + config.type().name().toLowerCase(java.util.Locale.ROOT));
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setMaximumPoolSize(4); // the writer plus a few readers (page, API, silence poller)
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(Math.max(250, config.commitTimeout().toMillis()));
    hikari.setInitializationFailTimeout(1);
    config.username().ifPresent(hikari::setUsername);
    config.password().ifPresent(p -> hikari.setPassword(p.reveal()));
    switch (config.type()) {
      case SQLITE -> {
        hikari.setDriverClassName("org.sqlite.JDBC");
        // WAL with synchronous=FULL fsyncs the log at every commit: a 2xx is on disk
        hikari.addDataSourceProperty("journal_mode", "WAL");
        hikari.addDataSourceProperty("synchronous", "FULL");
        hikari.addDataSourceProperty("busy_timeout", Long.toString(Math.max(100, config.commitTimeout().toMillis() / 2)));
      }
      case POSTGRESQL -> hikari.setDriverClassName("org.postgresql.Driver");
      case MYSQL -> {
        hikari.setDriverClassName("com.mysql.cj.jdbc.Driver");
        // a batch in one round trip (multi-row INSERT, multi-statement UPDATE) instead of one per row:
        // 100 alerts were 100 round trips, and the single writer waited on each (bench/incidents/RESULTS.md)
        hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
        hikari.addDataSourceProperty("cachePrepStmts", "true");
      }
    }
    return hikari;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  public StorageConfig config() {
    return config;
  }

  /** Queues a write; the future completes once it is committed (durable), or fails. */
  public CompletableFuture<List<IncidentEvent>> submit(StoreCommand command) {
    if (command instanceof StoreCommand.RecordAlerts record) {
      List<StoreCommand.AlertNotice> news = new java.util.ArrayList<>(record.alerts().size());
      for (StoreCommand.AlertNotice alert : record.alerts()) {
        if (!alert.firing() || !knownOpen.contains(alert.key())) {
          news.add(alert);
        }
      }
      if (news.isEmpty() && record.heartbeat().isEmpty()) {
        return CompletableFuture.completedFuture(List.of()); // everything in it is already stored
      }
      if (news.size() < record.alerts().size()) {
        command = new StoreCommand.RecordAlerts(news, record.heartbeat(), record.receivedAt());
      }
    }
    return writer.submit(command);
  }

  /** Replays every stored incident into {@code listener}, then keeps it current; no write is missed. */
  public void subscribe(IncidentListener listener) throws SQLException {
    writer.exclusive(() -> {
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        store.forEach(connection, listener::replay);
        connection.commit();
      }
      listeners.add(listener);
      return null;
    });
  }

  public void unsubscribe(IncidentListener listener) {
    listeners.remove(listener);
  }

  private void publish(List<IncidentEvent> events) {
    for (IncidentEvent event : events) {
      if (event instanceof IncidentEvent.Opened opened && opened.record().open()) {
        knownOpen.add(event.key());
      } else if (event instanceof IncidentEvent.Resolved) {
        knownOpen.remove(event.key());
      }
    }
    for (IncidentListener listener : listeners) {
      for (IncidentEvent event : events) {
        listener.apply(event);
      }
    }
  }

  public List<IncidentRecord> open(int limit) throws SQLException {
    return read(c -> store.open(c, limit));
  }

  public List<IncidentRecord> startedBetween(Instant from, Instant until, int limit) throws SQLException {
    return read(c -> store.startedBetween(c, from, until, limit));
  }

  public List<IncidentRecord> unacknowledged(Instant resolvedSince, int limit) throws SQLException {
    return read(c -> store.unacknowledged(c, resolvedSince, limit));
  }

  public List<IncidentRecord> byFingerprint(String fingerprint) throws SQLException {
    return read(c -> store.byFingerprint(c, fingerprint));
  }

  public Optional<Instant> heartbeat(String name) throws SQLException {
    return read(c -> store.heartbeat(c, name));
  }

  /** Transactions that failed (each answered 5xx, or retried alone when grouped). */
  public long writeFailures() {
    return writer.failures();
  }

  public long commits() {
    return writer.commits();
  }

  private <T> T read(Reader<T> reader) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(true);
      return reader.read(connection);
    }
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(Connection connection) throws SQLException;
  }

  @Override
  public void close() {
    writer.close();
    pool.close();
  }
}
