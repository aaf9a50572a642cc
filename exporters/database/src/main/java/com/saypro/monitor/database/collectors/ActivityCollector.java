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
public final class ActivityCollector implements TargetCollector {
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

  private final long slowSeconds;

  public ActivityCollector(Duration slowQueryThreshold) {
    this.slowSeconds = Math.max(1, slowQueryThreshold.toSeconds());
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    Map<String, Double> values = target.withConnection(false, c -> {
      Query query = new Query(c, target, context);
      return target.engine() == Engine.POSTGRESQL ? postgres(query) : mysql(query);
    });
    String name = target.name();
    addIfPresent(out, COMMITTED, values.get("committed"), name);
    addIfPresent(out, ROLLED_BACK, values.get("rolled_back"), name);
    addIfPresent(out, DEADLOCKS, values.get("deadlocks"), name);
    addIfPresent(out, SLOW_TOTAL, values.get("slow_total"), name);
    addIfPresent(out, SLOW_RUNNING, values.get("slow_running"), name);
    addIfPresent(out, OLDEST_TRANSACTION, values.get("oldest_transaction"), name);
    addIfPresent(out, LOCK_WAITS, values.get("lock_waits"), name);
  }

  private static void addIfPresent(Samples out, MetricDef def, Double value, String target) {
    if (value != null) {
      out.add(def, value, target);
    }
  }

  private Map<String, Double> postgres(Query query) throws java.sql.SQLException {
    Map<String, Object> row = query.row(
        "SELECT d.committed, d.rolled_back, d.deadlocks, a.slow_running, a.oldest_transaction, a.lock_waits"
            + " FROM (SELECT sum(xact_commit) AS committed, sum(xact_rollback) AS rolled_back,"
            + "   sum(deadlocks) AS deadlocks FROM pg_stat_database) d,"
            + " (SELECT count(*) FILTER (WHERE state = 'active' AND backend_type = 'client backend'"
            + "     AND now() - query_start > interval '" + slowSeconds + " seconds') AS slow_running,"
            + "   coalesce(extract(epoch FROM max(now() - xact_start) FILTER (WHERE backend_type = 'client backend'"
            + "     AND pid <> pg_backend_pid())), 0) AS oldest_transaction,"
            + "   count(*) FILTER (WHERE wait_event_type = 'Lock') AS lock_waits FROM pg_stat_activity) a");
    Map<String, Double> out = new HashMap<>();
    row.forEach((k, v) -> {
      Double n = Query.number(v);
      if (n != null) {
        out.put(k, n);
      }
    });
    return out;
  }

  private Map<String, Double> mysql(Query query) throws java.sql.SQLException {
    Map<String, Double> status = query.keyValues(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('Handler_commit', 'Handler_rollback', 'Innodb_deadlocks', 'Slow_queries')");
    Map<String, Object> row = query.row(
        "SELECT (SELECT COUNT(*) FROM information_schema.PROCESSLIST"
            + "   WHERE COMMAND NOT IN ('Sleep', 'Daemon', 'Binlog Dump', 'Binlog Dump GTID') AND TIME >= " + slowSeconds + ") AS slow_running,"
            + " (SELECT COALESCE(MAX(TIMESTAMPDIFF(MICROSECOND, trx_started, NOW())), 0) / 1000000"
            + "   FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id <> CONNECTION_ID()) AS oldest_transaction,"
            + " (SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT')"
            + "   + (SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE LIKE 'Waiting for%lock%') AS lock_waits");
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
