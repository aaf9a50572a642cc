package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transactions, deadlocks, slow and long-running work, and sessions waiting on locks. PostgreSQL: one
 * query over {@code pg_stat_database} and {@code pg_stat_activity}; MySQL/MariaDB: {@code SHOW
 * GLOBAL STATUS} and one query over {@code PROCESSLIST} and {@code INNODB_TRX}. PostgreSQL keeps no
 * slow-query counter, so {@code saypro_db_slow_queries_total} is MySQL/MariaDB only.
 *
 * <pre>
 * saypro_db_transactions_committed_total{target="marketplace"} 120931.0
 * saypro_db_transactions_rolled_back_total{target="marketplace"} 12.0
 * saypro_db_deadlocks_total{target="marketplace"} 0.0
 * saypro_db_slow_queries_running{target="marketplace"} 1.0
 * saypro_db_oldest_transaction_age_seconds{target="marketplace"} 0.4
 * saypro_db_lock_waiting_sessions{target="marketplace"} 0.0
 * </pre>
 */
public final class ActivityCollector implements TargetCollector, SharedRead.Reader {
  public static final MetricDef COMMITTED = MetricDef.counter(
      "saypro_db_transactions_committed_total", "Transactions committed (PostgreSQL xact_commit; MySQL Handler_commit, which counts autocommit statements too).", "target");
  public static final MetricDef ROLLED_BACK = MetricDef.counter(
      "saypro_db_transactions_rolled_back_total", "Transactions rolled back (PostgreSQL xact_rollback; MySQL Handler_rollback).", "target");
  public static final MetricDef DEADLOCKS = MetricDef.counter(
      "saypro_db_deadlocks_total", "Deadlocks detected by the server.", "target");
  public static final MetricDef SLOW_TOTAL = MetricDef.counter(
      "saypro_db_slow_queries_total", "Queries that took longer than long_query_time (MySQL/MariaDB Slow_queries).", "target");
  public static final MetricDef SLOW_RUNNING = MetricDef.gauge(
      "saypro_db_slow_queries_running", "Statements running right now for longer than slow_query_threshold.", "target");
  public static final MetricDef OLDEST_TRANSACTION = MetricDef.gauge(
      "saypro_db_oldest_transaction_age_seconds", "Age of the oldest open transaction (0 when none).", "target");
  public static final MetricDef LOCK_WAITS = MetricDef.gauge(
      "saypro_db_lock_waiting_sessions", "Sessions waiting for a lock right now.", "target");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "activity", "Transactions, deadlocks, slow queries, long transactions and lock waits.", true,
      Duration.ofSeconds(1), List.of(COMMITTED, ROLLED_BACK, DEADLOCKS, SLOW_TOTAL, SLOW_RUNNING, OLDEST_TRANSACTION, LOCK_WAITS));

  private static final Set<String> MYSQL_STATUS = Set.of("Handler_commit", "Handler_rollback", "Innodb_deadlocks", "Slow_queries");

  private final long slowSeconds;
  private final SharedRead shared;

  public ActivityCollector(Duration slowQueryThreshold, SharedRead shared) {
    this.slowSeconds = Math.max(1, slowQueryThreshold.toSeconds());
    this.shared = shared;
  }

  @Override
  public SharedRead.Needs needs(Engine engine) {
    return engine == Engine.POSTGRESQL
        ? SharedRead.Needs.part(new SharedRead.Part("activity", postgresSql(), 6))
        : new SharedRead.Needs(List.of(new SharedRead.Part("activity", mysqlSql(), 3)), MYSQL_STATUS, false);
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    Map<String, Double> values = target.engine() == Engine.POSTGRESQL
        ? postgres(shared.row(context, "activity"))
        : mysql(shared.row(context, "activity"), shared.status(context));
    String name = target.name();
    addIfPresent(out, COMMITTED, values.get("committed"), name);
    addIfPresent(out, ROLLED_BACK, values.get("rolled_back"), name);
    addIfPresent(out, DEADLOCKS, values.get("deadlocks"), name);
    addIfPresent(out, SLOW_TOTAL, values.get("slow_total"), name);
    addIfPresent(out, SLOW_RUNNING, values.get("slow_running"), name);
    // a transaction that began after this statement's clock reading has a negative age: it is 0 old
    Double oldest = values.get("oldest_transaction");
    addIfPresent(out, OLDEST_TRANSACTION, oldest == null ? null : Math.max(0, oldest), name);
    addIfPresent(out, LOCK_WAITS, values.get("lock_waits"), name);
  }

  private static void addIfPresent(Samples out, MetricDef def, Double value, String target) {
    if (value != null) {
      out.add(def, value, target);
    }
  }

  private String postgresSql() {
    return "SELECT d.committed, d.rolled_back, d.deadlocks, a.slow_running, a.oldest_transaction, a.lock_waits"
            + " FROM (SELECT sum(xact_commit) AS committed, sum(xact_rollback) AS rolled_back,"
            + "   sum(deadlocks) AS deadlocks FROM pg_stat_database) d,"
            + " (SELECT count(*) FILTER (WHERE state = 'active' AND backend_type = 'client backend'"
            + "     AND now() - query_start > interval '" + slowSeconds + " seconds') AS slow_running,"
            + "   coalesce(extract(epoch FROM max(now() - xact_start) FILTER (WHERE backend_type = 'client backend'"
            + "     AND pid <> pg_backend_pid())), 0) AS oldest_transaction,"
            + "   count(*) FILTER (WHERE wait_event_type = 'Lock') AS lock_waits FROM pg_stat_activity) a";
  }

  private static Map<String, Double> postgres(Map<String, Object> row) {
    Map<String, Double> out = new HashMap<>();
    row.forEach((k, v) -> {
      Double n = Query.number(v);
      if (n != null) {
        out.put(k, n);
      }
    });
    return out;
  }

  private String mysqlSql() {
    // one scan of each information_schema table (MariaDB fills one for every reference)
    return "SELECT p.slow_running, t.oldest_transaction, p.lock_waits + t.lock_waits AS lock_waits"
        + " FROM (SELECT COALESCE(SUM(COMMAND NOT IN ('Sleep', 'Daemon', 'Binlog Dump', 'Binlog Dump GTID')"
        + "     AND TIME >= " + slowSeconds + "), 0) AS slow_running,"
        + "   COALESCE(SUM(STATE LIKE 'Waiting for%lock%'), 0) AS lock_waits FROM information_schema.PROCESSLIST) p,"
        + " (SELECT COALESCE(MAX(IF(trx_mysql_thread_id <> CONNECTION_ID(), TIMESTAMPDIFF(MICROSECOND, trx_started, NOW()), NULL)), 0)"
        + "     / 1000000 AS oldest_transaction,"
        + "   COALESCE(SUM(trx_state = 'LOCK WAIT'), 0) AS lock_waits FROM information_schema.INNODB_TRX) t";
  }

  private static Map<String, Double> mysql(Map<String, Object> row, Map<String, Double> status) {
    Map<String, Double> out = new HashMap<>();
    putIfPresent(out, "committed", status.get("handler_commit"));
    putIfPresent(out, "rolled_back", status.get("handler_rollback"));
    putIfPresent(out, "deadlocks", status.get("innodb_deadlocks"));
    putIfPresent(out, "slow_total", status.get("slow_queries"));
    row.forEach((k, v) -> putIfPresent(out, k, Query.number(v)));
    return out;
  }

  private static void putIfPresent(Map<String, Double> out, String key, Double value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
