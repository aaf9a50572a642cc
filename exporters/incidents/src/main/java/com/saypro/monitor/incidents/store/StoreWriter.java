package com.saypro.monitor.incidents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's only writer: one thread that takes every command waiting, applies them in one
 * transaction and commits once (group commit), so concurrent notifications share one fsync. A
 * command's future completes only after the commit, and the in-memory figures hear about the change
 * only then, so nothing the figures count can be lost by a crash.
 *
 * <p>If a group fails, each command is retried alone, so one bad notification cannot fail the
 * others it happened to be grouped with.
 */
final class StoreWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
  private static final int MAX_GROUP = 256;

  private record Pending(StoreCommand command, CompletableFuture<List<IncidentEvent>> result) {}

  private final IncidentStore store;
  private final DataSource dataSource;
  private final Consumer<List<IncidentEvent>> listener;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;

  StoreWriter(IncidentStore store, DataSource dataSource, Consumer<List<IncidentEvent>> listener, String name) {
    this.store = store;
    this.dataSource = dataSource;
    this.listener = listener;
    this.thread = new Thread(this::run, "incident-store-writer " + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a command; the future completes with its events once committed, or fails. */
  CompletableFuture<List<IncidentEvent>> submit(StoreCommand command) {
    CompletableFuture<List<IncidentEvent>> result = new CompletableFuture<>();
    if (closed || !queue.offer(new Pending(command, result))) {
      result.completeExceptionally(new SQLException(closed ? "the incident store is closed" : "the incident store is overloaded"));
    }
    return result;
  }

  /** Runs {@code action} while no write can commit (rebuilding figures from a consistent store). */
  <T> T exclusive(SqlAction<T> action) throws SQLException {
    lock.lock();
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  /** Something to run against the store. */
  @FunctionalInterface
  interface SqlAction<T> {
    T run() throws SQLException;
  }

  long commits() {
    return commits.get();
  }

  long failures() {
    return failures.get();
  }

  private void run() {
    List<Pending> group = new ArrayList<>(MAX_GROUP);
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        lock.lock();
        try {
          if (!applyTogether(group) && group.size() > 1) {
            for (Pending one : group) {
              applyTogether(List.of(one));
            }
          }
        } finally {
          lock.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        log.error("incident store writer: unexpected failure", e);
        group.forEach(p -> p.result.completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.result.completeExceptionally(new SQLException("the incident store is closed"));
    }
  }

  /** One transaction for the whole group; on failure completes the futures only if it was alone. */
  private boolean applyTogether(List<Pending> group) {
    List<List<IncidentEvent>> results = new ArrayList<>(group.size());
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (Pending pending : group) {
          results.add(store.apply(connection, pending.command));
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      failures.incrementAndGet();
      if (group.size() == 1) {
        log.warn("incident store: write failed, answering 5xx so the sender retries: {}", e.toString());
        group.get(0).result.completeExceptionally(e);
      }
      return false;
    }
    commits.incrementAndGet();
    for (int i = 0; i < group.size(); i++) {
      try {
        listener.accept(results.get(i));
      } catch (RuntimeException e) {
        log.error("incident figures failed to take a committed change (the store has it)", e);
      }
      group.get(i).result.complete(results.get(i));
    }
    return true;
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the pool discards it
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
