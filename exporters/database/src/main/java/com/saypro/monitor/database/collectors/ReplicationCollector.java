package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Replication role, lag and threads. PostgreSQL: {@code pg_is_in_recovery()}, replay lag, the WAL
 * receiver, connected standbys. MySQL/MariaDB: {@code SHOW REPLICA STATUS} (MariaDB 10.5.9+ needs the
 * {@code SLAVE MONITOR} privilege for it), and connected replicas from {@code PROCESSLIST}.
 *
 * <pre>
 * saypro_db_replication_role_info{target="marketplace",role="primary"} 1
 * saypro_db_replication_replicas_connected{target="marketplace"} 2.0
 * saypro_db_replication_lag_seconds{target="replica1"} 0.3
 * saypro_db_replication_thread_running{target="replica1",thread="io"} 1.0
 * </pre>
 */
public final class ReplicationCollector implements TargetCollector {
  public static final MetricDef ROLE = MetricDef.info(
      "saypro_db_replication_role_info", "Whether the server is a primary or a replica.", "target", "role");
  public static final MetricDef LAG = MetricDef.gauge(
      "saypro_db_replication_lag_seconds",
      "Replicas only: how far replay is behind (PostgreSQL: since the last replayed transaction; MySQL: Seconds_Behind_Master).",
      "target");
  public static final MetricDef REPLICAS = MetricDef.gauge(
      "saypro_db_replication_replicas_connected", "Replicas streaming from this server.", "target");
  public static final MetricDef THREAD = MetricDef.gauge(
      "saypro_db_replication_thread_running",
      "Replicas only: 1 if the replication thread runs (io, sql for MySQL; wal_receiver for PostgreSQL).",
      "target", "thread");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "replication", "Replication role, lag, threads and connected replicas.", true, Duration.ofSeconds(1),
      List.of(ROLE, LAG, REPLICAS, THREAD));

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    target.withConnection(false, c -> {
      Query query = new Query(c, target, context);
      if (target.engine() == Engine.POSTGRESQL) {
        postgres(query, target.name(), out);
      } else {
        mysql(query, target.name(), out);
      }
      return null;
    });
  }

  private static void postgres(Query query, String target, Samples out) throws SQLException {
    Map<String, Object> row = query.row(
        "SELECT pg_is_in_recovery() AS replica,"
            + " CASE WHEN pg_is_in_recovery() THEN coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END AS lag,"
            + " (SELECT count(*) FROM pg_stat_replication) AS replicas,"
            + " (SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming') AS receiving");
    boolean replica = Query.numberOr(row.get("replica"), 0) > 0;
    out.add(ROLE, 1, target, replica ? "replica" : "primary");
    out.add(REPLICAS, Query.numberOr(row.get("replicas"), 0), target);
    if (replica) {
      out.add(LAG, Query.numberOr(row.get("lag"), 0), target);
      out.add(THREAD, Query.numberOr(row.get("receiving"), 0) > 0 ? 1 : 0, target, "wal_receiver");
    }
  }

  private static void mysql(Query query, String target, Samples out) throws SQLException {
    List<Map<String, Object>> status;
    try {
      status = query.rows("SHOW REPLICA STATUS");
    } catch (SQLException e) {
      if (e.getErrorCode() != 1064) { // 1064: syntax error on servers older than the REPLICA keyword
        throw e;
      }
      status = query.rows("SHOW SLAVE STATUS");
    }
    Map<String, Object> replicas = query.row(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'");
    out.add(REPLICAS, Query.numberOr(replicas.get("n"), 0), target);
    if (status.isEmpty()) {
      out.add(ROLE, 1, target, "primary");
      return;
    }
    Map<String, Object> row = status.get(0);
    out.add(ROLE, 1, target, "replica");
    Double lag = Query.number(first(row, "seconds_behind_master", "seconds_behind_source"));
    if (lag != null) {
      out.add(LAG, lag, target);
    }
    out.add(THREAD, yes(first(row, "slave_io_running", "replica_io_running")), target, "io");
    out.add(THREAD, yes(first(row, "slave_sql_running", "replica_sql_running")), target, "sql");
  }

  private static Object first(Map<String, Object> row, String... keys) {
    for (String key : keys) {
      if (row.get(key) != null) {
        return row.get(key);
      }
    }
    return null;
  }

  private static double yes(Object value) {
    return value != null && value.toString().equalsIgnoreCase("yes") ? 1 : 0;
  }
}
