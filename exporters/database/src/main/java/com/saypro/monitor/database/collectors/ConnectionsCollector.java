package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Client connections by state against the server's maximum, so saturation is a ratio. One query:
 * {@code pg_stat_activity} (client backends) or {@code information_schema.PROCESSLIST}.
 *
 * <pre>
 * saypro_db_connections{target="marketplace",state="active"} 3.0
 * saypro_db_connections{target="marketplace",state="idle"} 12.0
 * saypro_db_connections_max{target="marketplace"} 100.0
 * saypro_db_connections_saturation_ratio{target="marketplace"} 0.15
 * </pre>
 */
public final class ConnectionsCollector implements TargetCollector, SharedRead.Reader {
  public static final MetricDef CONNECTIONS = MetricDef.gauge(
      "saypro_db_connections",
      "Client connections by state: active, idle, idle_in_transaction, idle_in_transaction_aborted, replication, other.",
      "target", "state");
  public static final MetricDef MAX = MetricDef.gauge(
      "saypro_db_connections_max", "The server's max_connections.", "target");
  public static final MetricDef SATURATION = MetricDef.gauge(
      "saypro_db_connections_saturation_ratio", "Client connections in use divided by max_connections.", "target");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "connections", "Connections by state and the server's maximum.", true, Duration.ofSeconds(1),
      List.of(CONNECTIONS, MAX, SATURATION));

  static final Set<String> STATES = Set.of(
      "active", "idle", "idle_in_transaction", "idle_in_transaction_aborted", "replication", "other");

  // one row: the maximum, and "state=count" pairs (state names hold neither '=' nor ',')
  static final SharedRead.Part POSTGRES = new SharedRead.Part("connections",
      "SELECT current_setting('max_connections')::bigint AS max, string_agg(state || '=' || n, ',') AS states"
          + " FROM (SELECT coalesce(state, 'other') AS state, count(*) AS n FROM pg_stat_activity"
          + " WHERE backend_type IN ('client backend', 'walsender') GROUP BY 1) s", 2);
  /** Also read by the replication collector (replicas are the Binlog Dump sessions): one PROCESSLIST scan for both. */
  static final SharedRead.Part MYSQL = new SharedRead.Part("mysql_processlist",
      "SELECT @@max_connections AS max, GROUP_CONCAT(CONCAT(COMMAND, '=', n) SEPARATOR ',') AS states"
          + " FROM (SELECT COMMAND, COUNT(*) AS n FROM information_schema.PROCESSLIST"
          + " WHERE COMMAND <> 'Daemon' GROUP BY COMMAND) s", 2);

  private final SharedRead shared;

  public ConnectionsCollector(SharedRead shared) {
    this.shared = shared;
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public SharedRead.Needs needs(Engine engine) {
    return SharedRead.Needs.part(engine == Engine.POSTGRESQL ? POSTGRES : MYSQL);
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    Map<String, Object> row = shared.row(context, target.engine() == Engine.POSTGRESQL ? "connections" : "mysql_processlist");
    Map<String, Double> byState = new TreeMap<>();
    double max = Query.numberOr(row.get("max"), Double.NaN);
    countsByServerState(row.get("states")).forEach((state, n) -> byState.merge(normalise(state, target.engine()), n, Double::sum));
    double inUse = 0;
    for (Map.Entry<String, Double> entry : byState.entrySet()) {
      out.add(CONNECTIONS, entry.getValue(), target.name(), entry.getKey());
      inUse += entry.getValue();
    }
    if (!Double.isNaN(max)) {
      out.add(MAX, max, target.name());
      if (max > 0) {
        out.add(SATURATION, inUse / max, target.name());
      }
    }
  }

  /** The "state=count,..." pairs of the connections part, as the server names them. */
  static Map<String, Double> countsByServerState(Object states) {
    Map<String, Double> out = new TreeMap<>();
    if (states != null) {
      for (String pair : states.toString().split(",")) {
        int equals = pair.lastIndexOf('=');
        if (equals > 0) {
          out.merge(pair.substring(0, equals), Query.numberOr(pair.substring(equals + 1), 0), Double::sum);
        }
      }
    }
    return out;
  }

  /** Maps the server's state names onto one bounded set. */
  static String normalise(String state, Engine engine) {
    String s = state.toLowerCase(Locale.ROOT);
    if (engine == Engine.MYSQL) {
      if (s.equals("sleep")) {
        return "idle";
      }
      if (s.equals("query") || s.equals("execute") || s.equals("fetch")) {
        return "active";
      }
      if (s.startsWith("binlog dump")) {
        return "replication";
      }
      return "other";
    }
    String normal = s.replaceAll("[^a-z]+", "_").replaceAll("^_|_$", "");
    return STATES.contains(normal) ? normal : "other";
  }
}
