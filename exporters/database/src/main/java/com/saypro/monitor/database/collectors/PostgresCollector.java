package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL upkeep: transaction ID wraparound age per database, dead tuples and time since the last
 * autovacuum of the {@code top_tables} tables with the most dead tuples, and checkpoints (from
 * {@code pg_stat_checkpointer} on 17+, {@code pg_stat_bgwriter} before). Nothing for MySQL targets.
 *
 * <pre>
 * saypro_db_pg_xid_age{target="marketplace",database="marketplace"} 2.1E7
 * saypro_db_pg_table_dead_tuples{target="marketplace",schema="public",table="orders"} 1520.0
 * saypro_db_pg_table_last_autovacuum_age_seconds{target="marketplace",schema="public",table="orders"} 340.5
 * saypro_db_pg_checkpoints_total{target="marketplace",kind="timed"} 310.0
 * </pre>
 */
public final class PostgresCollector implements TargetCollector {
  public static final MetricDef XID_AGE = MetricDef.gauge(
      "saypro_db_pg_xid_age",
      "Transactions since the database's oldest unfrozen XID (age(datfrozenxid)); wraparound is at 2^31.",
      "target", "database");
  public static final MetricDef DEAD_TUPLES = MetricDef.gauge(
      "saypro_db_pg_table_dead_tuples", "Dead tuples of the top_tables tables with the most of them.", "target", "schema", "table");
  public static final MetricDef AUTOVACUUM_AGE = MetricDef.gauge(
      "saypro_db_pg_table_last_autovacuum_age_seconds",
      "Time since autovacuum last ran on the table (absent if it never did).", "target", "schema", "table");
  public static final MetricDef CHECKPOINTS = MetricDef.counter(
      "saypro_db_pg_checkpoints_total", "Checkpoints by kind: timed or requested.", "target", "kind");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "postgres", "PostgreSQL: XID wraparound age, dead tuples, autovacuum age, checkpoints.", true,
      Duration.ofSeconds(30), List.of(XID_AGE, DEAD_TUPLES, AUTOVACUUM_AGE, CHECKPOINTS));

  private final int top;

  public PostgresCollector(int top) {
    this.top = top;
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    if (target.engine() != Engine.POSTGRESQL) {
      return;
    }
    String name = target.name();
    target.withConnection(false, c -> {
      Query query = new Query(c, target, context);
      String checkpoints = c.getMetaData().getDatabaseMajorVersion() >= 17
          ? "SELECT 'timed' AS kind, num_timed AS n FROM pg_stat_checkpointer"
              + " UNION ALL SELECT 'requested', num_requested FROM pg_stat_checkpointer"
          : "SELECT 'timed' AS kind, checkpoints_timed AS n FROM pg_stat_bgwriter"
              + " UNION ALL SELECT 'requested', checkpoints_req FROM pg_stat_bgwriter";
      for (Map<String, Object> row : query.rows(
          checkpoints + " UNION ALL (SELECT datname, age(datfrozenxid) FROM pg_database WHERE datallowconn"
              + " ORDER BY 2 DESC LIMIT " + top + ")")) {
        String kind = String.valueOf(row.get("kind"));
        double n = Query.numberOr(row.get("n"), 0);
        if (kind.equals("timed") || kind.equals("requested")) {
          out.add(CHECKPOINTS, n, name, kind);
        } else {
          out.add(XID_AGE, n, name, kind);
        }
      }
      for (Map<String, Object> row : query.rows(
          "SELECT schemaname, relname, n_dead_tup, extract(epoch FROM now() - last_autovacuum) AS autovacuum_age"
              + " FROM pg_stat_user_tables ORDER BY n_dead_tup DESC, schemaname, relname LIMIT " + top)) {
        String schema = String.valueOf(row.get("schemaname"));
        String table = String.valueOf(row.get("relname"));
        out.add(DEAD_TUPLES, Query.numberOr(row.get("n_dead_tup"), 0), name, schema, table);
        Double age = Query.number(row.get("autovacuum_age"));
        if (age != null) {
          out.add(AUTOVACUUM_AGE, age, name, schema, table);
        }
      }
      return null;
    });
  }
}
