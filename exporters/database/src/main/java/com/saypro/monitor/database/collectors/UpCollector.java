package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.config.Engine;
import com.saypro.monitor.database.targets.DatabaseTarget;
import com.saypro.monitor.database.targets.TargetUnavailableException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the target answers, what it runs and since when, and how long a {@code SELECT 1} round
 * trip takes. This is the one collector that still tries a target known to be down, so it notices
 * when the target comes back.
 *
 * <pre>
 * saypro_db_up{target="marketplace"} 1.0
 * saypro_db_version_info{target="marketplace",engine="postgresql",version="15.20"} 1
 * saypro_db_uptime_seconds{target="marketplace"} 86400.2
 * saypro_db_ping_seconds_bucket{target="marketplace",le="0.001"} 12
 * saypro_db_ping_seconds_count{target="marketplace"} 14
 * </pre>
 */
public final class UpCollector implements TargetCollector, SharedRead.Reader {
  public static final MetricDef UP =
      MetricDef.gauge("saypro_db_up", "1 if the database answered SELECT 1 within its timeouts, 0 if not.", "target");
  public static final MetricDef VERSION =
      MetricDef.info("saypro_db_version_info", "The server's engine (postgresql, mysql, mariadb) and version.", "target", "engine", "version");
  public static final MetricDef UPTIME =
      MetricDef.gauge("saypro_db_uptime_seconds", "Time since the database server started.", "target");
  public static final MetricDef PING =
      MetricDef.histogram("saypro_db_ping_seconds", "Round-trip time of SELECT 1 on a pooled connection, since the exporter started.", "target");
  public static final CollectorSpec SPEC =
      new CollectorSpec("up", "Reachability, version, uptime and SELECT 1 latency.", true, Duration.ofSeconds(1),
          List.of(UP, VERSION, UPTIME, PING));

  static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, Double.POSITIVE_INFINITY};

  static final SharedRead.Part POSTGRES_INFO = new SharedRead.Part("up",
      "SELECT current_setting('server_version') AS version,"
          + " extract(epoch FROM now() - pg_postmaster_start_time()) AS uptime", 2);
  static final SharedRead.Part MYSQL_INFO = new SharedRead.Part("up", "SELECT VERSION() AS version", 1);

  private final long[] counts = new long[BOUNDS.length]; // guarded by this
  private double sum; // guarded by this
  private final SharedRead shared;

  /** @param shared the target's shared read, which brings the version and uptime */
  public UpCollector(SharedRead shared) {
    this.shared = shared;
  }

  @Override
  public SharedRead.Needs needs(Engine engine) {
    return engine == Engine.POSTGRESQL
        ? SharedRead.Needs.part(POSTGRES_INFO)
        : new SharedRead.Needs(List.of(MYSQL_INFO), Set.of("Uptime"), false);
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    String name = target.name();
    Map<String, Object> info;
    try {
      target.withConnection(true, connection -> {
        Query query = new Query(connection, target, context);
        long start = System.nanoTime();
        try (Statement statement = query.statement()) {
          statement.execute("SELECT 1");
        }
        observe((System.nanoTime() - start) / 1e9);
        return null;
      });
      info = info(target, context);
    } catch (TargetUnavailableException | SQLException e) {
      out.add(UP, 0, name);
      synchronized (this) {
        out.histogram(PING, BOUNDS, counts.clone(), sum, name);
      }
      return;
    }
    out.add(UP, 1, name);
    out.add(VERSION, 1, name, String.valueOf(info.get("engine")), String.valueOf(info.get("version")));
    Double uptime = Query.number(info.get("uptime"));
    if (uptime != null) {
      out.add(UPTIME, uptime, name);
    }
    synchronized (this) {
      out.histogram(PING, BOUNDS, counts.clone(), sum, name);
    }
  }

  /** Version and uptime from the scrape's shared read. */
  private Map<String, Object> info(DatabaseTarget target, CollectContext context) throws Exception {
    Map<String, Object> row;
    try {
      row = shared.row(context, "up");
    } catch (TargetUnavailableException e) {
      // the shared read started before this probe found the target back: read again
      row = shared.row(context, "up");
    }
    return target.engine() == Engine.POSTGRESQL ? postgres(row) : mysql(row, shared.status(context));
  }

  private static Map<String, Object> postgres(Map<String, Object> row) {
    String version = String.valueOf(row.get("version"));
    int space = version.indexOf(' ');
    return Map.of(
        "engine", "postgresql",
        "version", space > 0 ? version.substring(0, space) : version,
        "uptime", Query.numberOr(row.get("uptime"), Double.NaN));
  }

  private static Map<String, Object> mysql(Map<String, Object> row, Map<String, Double> status) {
    String version = String.valueOf(row.get("version"));
    String engine = version.toLowerCase(Locale.ROOT).contains("mariadb") ? "mariadb" : "mysql";
    int dash = version.indexOf('-');
    return Map.of(
        "engine", engine,
        "version", dash > 0 ? version.substring(0, dash) : version,
        "uptime", status.getOrDefault("uptime", Double.NaN));
  }

  private synchronized void observe(double seconds) {
    for (int i = 0; i < BOUNDS.length; i++) {
      if (seconds <= BOUNDS[i]) {
        counts[i]++;
        break;
      }
    }
    sum += seconds;
  }
}
