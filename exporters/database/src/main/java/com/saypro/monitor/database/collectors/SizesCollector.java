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
 * Database and table sizes, capped: the {@code top_tables} largest tables (and databases) each get a
 * series, the rest are summed into one {@code (others)} series, so a schema with 10,000 tables still
 * gives {@code top_tables + 1} series. The ranking happens in SQL, so only those rows travel.
 * PostgreSQL sizes the tables of the database the target connects to; MySQL/MariaDB every schema
 * but the system ones. Runs at most every 5 minutes by default.
 *
 * <pre>
 * saypro_db_database_size_bytes{target="marketplace",database="marketplace"} 8.8E7
 * saypro_db_table_size_bytes{target="marketplace",schema="public",table="orders"} 4.2E7
 * saypro_db_table_size_bytes{target="marketplace",schema="(others)",table="(others)"} 1.1E6
 * saypro_db_tables{target="marketplace"} 6.0
 * </pre>
 */
public final class SizesCollector implements TargetCollector {
  static final String OTHERS = "(others)";
  public static final MetricDef DATABASE_SIZE = MetricDef.gauge(
      "saypro_db_database_size_bytes", "Size of each database (the largest top_tables; the rest summed as (others)).", "target", "database");
  public static final MetricDef TABLE_SIZE = MetricDef.gauge(
      "saypro_db_table_size_bytes", "Size of the largest top_tables tables with indexes and TOAST; the rest summed as (others).", "target", "schema", "table");
  public static final MetricDef TABLES = MetricDef.gauge(
      "saypro_db_tables", "Number of user tables.", "target");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "sizes", "Database sizes and the largest tables (top N, the rest summed).", true, Duration.ofMinutes(5),
      List.of(DATABASE_SIZE, TABLE_SIZE, TABLES));

  private static final String POSTGRES_TABLES =
      "SELECT n.nspname AS schema_name, c.relname AS table_name, pg_total_relation_size(c.oid) AS bytes"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
          + " AND n.nspname NOT LIKE 'pg_toast%'";
  private static final String POSTGRES_DATABASES =
      "SELECT datname AS schema_name, '' AS table_name, pg_database_size(oid) AS bytes FROM pg_database WHERE datallowconn";
  private static final String MYSQL_TABLES =
      "SELECT table_schema AS schema_name, table_name AS table_name,"
          + " COALESCE(data_length, 0) + COALESCE(index_length, 0) AS bytes FROM information_schema.TABLES"
          + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')";
  private static final String MYSQL_DATABASES =
      "SELECT table_schema AS schema_name, '' AS table_name,"
          + " SUM(COALESCE(data_length, 0) + COALESCE(index_length, 0)) AS bytes FROM information_schema.TABLES"
          + " WHERE table_schema NOT IN ('information_schema', 'performance_schema') GROUP BY table_schema";

  private final int top;

  public SizesCollector(int top) {
    this.top = top;
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    boolean postgres = target.engine() == Engine.POSTGRESQL;
    String name = target.name();
    target.withConnection(false, c -> {
      Query query = new Query(c, target, context);
      for (Map<String, Object> row : query.rows(topN(postgres ? POSTGRES_DATABASES : MYSQL_DATABASES))) {
        double rank = Query.numberOr(row.get("rank_"), 0);
        if (rank > 0) { // rank 0 is the count of databases
          String database = rank > top ? OTHERS : String.valueOf(row.get("schema_name"));
          out.add(DATABASE_SIZE, Query.numberOr(row.get("bytes"), 0), name, database);
        }
      }
      for (Map<String, Object> row : query.rows(topN(postgres ? POSTGRES_TABLES : MYSQL_TABLES))) {
        double rank = Query.numberOr(row.get("rank_"), 0);
        if (rank == 0) {
          out.add(TABLES, Query.numberOr(row.get("bytes"), 0), name);
        } else if (rank > top) {
          out.add(TABLE_SIZE, Query.numberOr(row.get("bytes"), 0), name, OTHERS, OTHERS);
        } else {
          out.add(TABLE_SIZE, Query.numberOr(row.get("bytes"), 0), name,
              String.valueOf(row.get("schema_name")), String.valueOf(row.get("table_name")));
        }
      }
      return null;
    });
  }

  /**
   * Ranks {@code sizes} and returns the top rows with their rank, one row ranked {@code top + 1}
   * holding the sum of the rest (only when there is a rest), and one row ranked 0 holding the count.
   */
  private String topN(String sizes) {
    return "WITH s AS (" + sizes + "),"
        + " r AS (SELECT schema_name, table_name, bytes,"
        + "   ROW_NUMBER() OVER (ORDER BY bytes DESC, schema_name, table_name) AS rank_ FROM s)"
        + " SELECT schema_name, table_name, bytes, rank_ FROM r WHERE rank_ <= " + top
        + " UNION ALL SELECT '', '', SUM(bytes), " + (top + 1) + " FROM r WHERE rank_ > " + top + " HAVING COUNT(*) > 0"
        + " UNION ALL SELECT '', '', COUNT(*), 0 FROM s";
  }
}
