package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import com.saypro.monitor.database.targets.SafeErrors;
import com.saypro.monitor.database.targets.TargetUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reads the health collectors of one target share in one scrape: every collector's one-row
 * query in one statement (a {@code SELECT} over the parts as derived tables), and on MySQL/MariaDB
 * one {@code SHOW GLOBAL STATUS} and one {@code SHOW REPLICA STATUS} for all. The first collector of
 * a scrape to ask runs the read on one pooled connection; the others of the same scrape join it, so
 * a scrape costs a few round trips instead of one or two per collector. A read is never served to
 * another scrape: caching stays the core's business ({@code min_interval}).
 *
 * <p>Failures stay with their collector: when the combined statement fails, each part runs again on
 * its own, and only the part that fails on its own fails its collector. A lost connection marks the
 * target down for every collector of the read, as before.
 */
public final class SharedRead {
  /** Rounds of the last few scrapes (a late collector of a scrape still finds its round). */
  private static final int ROUNDS_KEPT = 8;

  private final DatabaseTarget target;
  private final List<Part> parts = new ArrayList<>();
  private final Set<String> status = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private boolean replicaStatus;
  private final Map<Object, CompletableFuture<Round>> rounds = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<Round>> eldest) {
      return size() > ROUNDS_KEPT;
    }
  }; // guarded by this
  private volatile boolean frozen;

  public SharedRead(DatabaseTarget target) {
    this.target = target;
  }

  /**
   * One collector's one-row query: {@code columns} columns (the combined statement finds each part's
   * by position). A query that returns no row reads as an empty map, more rows as their first.
   */
  public record Part(String name, String sql, int columns) {
    public Part {
      if (columns < 1) {
        throw new IllegalArgumentException("part " + name + " has no columns");
      }
    }
  }

  /** What a collector reads through the shared read, for one engine. */
  public record Needs(List<Part> parts, Set<String> status, boolean replicaStatus) {
    public static final Needs NONE = new Needs(List.of(), Set.of(), false);

    public static Needs part(Part part) {
      return new Needs(List.of(part), Set.of(), false);
    }
  }

  /** A collector that reads through the shared read. */
  public interface Reader {
    Needs needs(Engine engine);
  }

  /** Adds an enabled collector's reads; only before the first scrape. */
  public synchronized SharedRead include(Reader reader) {
    if (frozen) {
      throw new IllegalStateException("the shared read of target " + target.name() + " is already in use");
    }
    Needs needs = reader.needs(target.engine());
    for (Part part : needs.parts()) {
      java.util.Optional<Part> same = parts.stream().filter(p -> p.name().equals(part.name())).findFirst();
      if (same.isEmpty()) {
        parts.add(part);
      } else if (!same.get().equals(part)) {
        throw new IllegalArgumentException("part " + part.name() + " declared twice, with different queries");
      } // else: a part several collectors read (MySQL's PROCESSLIST), read once
    }
    status.addAll(needs.status());
    replicaStatus |= needs.replicaStatus();
    return this;
  }

  /** The row of one part, read in this scrape's shared read. */
  public Map<String, Object> row(CollectContext context, String part) throws Exception {
    Round round = round(context);
    SQLException failure = round.failures.get(part);
    if (failure != null) {
      throw failure;
    }
    Map<String, Object> row = round.rows.get(part);
    if (row == null) {
      throw new IllegalStateException("part " + part + " is not part of the shared read of target " + target.name());
    }
    return row;
  }

  /** {@code SHOW GLOBAL STATUS}: the declared variables, names lower-cased (MySQL/MariaDB). */
  public Map<String, Double> status(CollectContext context) throws Exception {
    Round round = round(context);
    if (round.statusFailure != null) {
      throw round.statusFailure;
    }
    return round.status;
  }

  /** {@code SHOW REPLICA STATUS} (or {@code SHOW SLAVE STATUS} on older servers). */
  public List<Map<String, Object>> replicaStatus(CollectContext context) throws Exception {
    Round round = round(context);
    if (round.replicaFailure != null) {
      throw round.replicaFailure;
    }
    return round.replicaRows;
  }

  private Round round(CollectContext context) throws Exception {
    CompletableFuture<Round> future;
    boolean runner = false;
    synchronized (this) {
      frozen = true;
      future = rounds.get(context.scrape());
      if (future == null) {
        future = new CompletableFuture<>();
        rounds.put(context.scrape(), future);
        runner = true;
      }
    }
    if (runner) {
      run(context, future);
    }
    try {
      return future.get(Math.max(1, context.remaining().toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new CollectionFailedException("deadline exceeded waiting for the shared read");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void run(CollectContext context, CompletableFuture<Round> future) {
    try {
      future.complete(target.withConnection(false, connection -> read(new Query(connection, target, context))));
    } catch (TargetUnavailableException e) {
      forget(context.scrape(), future); // a later collector of this scrape (up, after its probe) may try again
      future.completeExceptionally(e);
    } catch (Throwable e) {
      future.completeExceptionally(e);
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  private synchronized void forget(Object scrape, CompletableFuture<Round> future) {
    rounds.remove(scrape, future);
  }

  /** The whole read on one connection. */
  Round read(Query query) throws SQLException {
    Round round = new Round();
    if (!status.isEmpty()) {
      try {
        round.status = query.keyValues("SHOW GLOBAL STATUS WHERE Variable_name IN (" + quoted(status) + ")");
      } catch (SQLException e) {
        rethrowIfConnectionLost(e);
        round.statusFailure = e;
      }
    }
    readParts(query, parts, round);
    if (replicaStatus) {
      try {
        round.replicaRows = replicaStatus(query);
      } catch (SQLException e) {
        rethrowIfConnectionLost(e);
        round.replicaFailure = e;
      }
    }
    return round;
  }

  /** Every part in one statement, or each on its own when that fails. */
  static void readParts(Query query, List<Part> parts, Round round) throws SQLException {
    if (parts.isEmpty()) {
      return;
    }
    if (parts.size() > 1) {
      try {
        List<List<Map.Entry<String, Object>>> rows = query.columnsInOrder(combined(parts));
        if (rows.size() == 1 && split(parts, rows.get(0), round)) {
          return;
        }
      } catch (SQLException e) {
        rethrowIfConnectionLost(e);
      }
    }
    for (Part part : parts) {
      try {
        round.rows.put(part.name(), query.row(part.sql()));
      } catch (SQLException e) {
        rethrowIfConnectionLost(e);
        round.failures.put(part.name(), e);
      }
    }
  }

  /** {@code SELECT * FROM (part0) p0, (part1) p1, ...}: one row when every part has one. */
  static String combined(List<Part> parts) {
    StringBuilder sql = new StringBuilder("SELECT * FROM ");
    for (int i = 0; i < parts.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('(').append(parts.get(i).sql()).append(") AS p").append(i);
    }
    return sql.toString();
  }

  /** Cuts the combined row into the parts' rows by position; false when the shape is not the declared one. */
  private static boolean split(List<Part> parts, List<Map.Entry<String, Object>> columns, Round round) {
    int total = parts.stream().mapToInt(Part::columns).sum();
    if (columns.size() != total) {
      return false;
    }
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    int at = 0;
    for (Part part : parts) {
      Map<String, Object> row = new HashMap<>();
      for (int i = 0; i < part.columns(); i++, at++) {
        Map.Entry<String, Object> column = columns.get(at);
        if (row.containsKey(column.getKey())) {
          return false; // two columns of one part with one name: not what a part may declare
        }
        row.put(column.getKey(), column.getValue());
      }
      out.put(part.name(), row);
    }
    round.rows.putAll(out);
    return true;
  }

  private static List<Map<String, Object>> replicaStatus(Query query) throws SQLException {
    try {
      return query.rows("SHOW REPLICA STATUS");
    } catch (SQLException e) {
      if (e.getErrorCode() != 1064) { // 1064: syntax error on servers older than the REPLICA keyword
        throw e;
      }
      return query.rows("SHOW SLAVE STATUS");
    }
  }

  private static void rethrowIfConnectionLost(SQLException e) throws SQLException {
    if (SafeErrors.isConnectionFailure(e)) {
      throw e;
    }
  }

  private static String quoted(Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      if (!name.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException("not a status variable name: " + name);
      }
      out.add("'" + name + "'");
    }
    return String.join(", ", out);
  }

  /** What one scrape's read found. */
  static final class Round {
    final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    final Map<String, SQLException> failures = new LinkedHashMap<>();
    Map<String, Double> status = Map.of();
    SQLException statusFailure;
    List<Map<String, Object>> replicaRows = List.of();
    SQLException replicaFailure;
  }
}
