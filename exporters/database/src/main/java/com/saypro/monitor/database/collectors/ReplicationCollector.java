package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
public final class ReplicationCollector implements TargetCollector, SharedRead.Reader {
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

  static final SharedRead.Part POSTGRES = new SharedRead.Part("replication",
      "SELECT pg_is_in_recovery() AS replica,"
          + " CASE WHEN pg_is_in_recovery() THEN coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END AS lag,"
          + " (SELECT count(*) FROM pg_stat_replication) AS replicas,"
          + " (SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming') AS receiving", 4);

  private final SharedRead shared;

  public ReplicationCollector(SharedRead shared) {
    this.shared = shared;
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public SharedRead.Needs needs(Engine engine) {
    return engine == Engine.POSTGRESQL ? SharedRead.Needs.part(POSTGRES) : new SharedRead.Needs(List.of(ConnectionsCollector.MYSQL), Set.of(), true);
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    if (target.engine() == Engine.POSTGRESQL) {
      postgres(shared.row(context, "replication"), target.name(), out);
    } else {
      mysql(shared.row(context, "mysql_processlist"), shared.replicaStatus(context), target.name(), out);
    }
  }

  private static void postgres(Map<String, Object> row, String target, Samples out) {
    boolean replica = Query.numberOr(row.get("replica"), 0) > 0;
    out.add(ROLE, 1, target, replica ? "replica" : "primary");
    out.add(REPLICAS, Query.numberOr(row.get("replicas"), 0), target);
    if (replica) {
      out.add(LAG, Query.numberOr(row.get("lag"), 0), target);
      out.add(THREAD, Query.numberOr(row.get("receiving"), 0) > 0 ? 1 : 0, target, "wal_receiver");
    }
  }

  private static void mysql(Map<String, Object> processlist, List<Map<String, Object>> status, String target, Samples out) {
    double replicas = 0;
    for (Map.Entry<String, Double> command : ConnectionsCollector.countsByServerState(processlist.get("states")).entrySet()) {
      if (command.getKey().regionMatches(true, 0, "Binlog Dump", 0, "Binlog Dump".length())) {
        replicas += command.getValue();
      }
    }
    out.add(REPLICAS, replicas, target);
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
