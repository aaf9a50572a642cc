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
 * MySQL/MariaDB threads, aborted connections and InnoDB row lock waits, from one {@code SHOW GLOBAL
 * STATUS}. Nothing for PostgreSQL targets.
 *
 * <pre>
 * saypro_db_mysql_threads_connected{target="shop"} 14.0
 * saypro_db_mysql_threads_running{target="shop"} 2.0
 * saypro_db_mysql_aborted_connections_total{target="shop",kind="connects"} 3.0
 * saypro_db_mysql_innodb_row_lock_waits_total{target="shop"} 41.0
 * saypro_db_mysql_innodb_row_lock_wait_seconds_total{target="shop"} 12.3
 * saypro_db_mysql_innodb_row_lock_current_waits{target="shop"} 0.0
 * </pre>
 */
public final class MysqlCollector implements TargetCollector, SharedRead.Reader {
  public static final MetricDef THREADS_CONNECTED = MetricDef.gauge(
      "saypro_db_mysql_threads_connected", "Threads_connected: open client connections.", "target");
  public static final MetricDef THREADS_RUNNING = MetricDef.gauge(
      "saypro_db_mysql_threads_running", "Threads_running: connections executing a statement.", "target");
  public static final MetricDef ABORTED = MetricDef.counter(
      "saypro_db_mysql_aborted_connections_total",
      "Aborted connections: kind connects (failed logins, Aborted_connects) or clients (dropped without closing, Aborted_clients).",
      "target", "kind");
  public static final MetricDef ROW_LOCK_WAITS = MetricDef.counter(
      "saypro_db_mysql_innodb_row_lock_waits_total", "Innodb_row_lock_waits: times a row lock had to be waited for.", "target");
  public static final MetricDef ROW_LOCK_TIME = MetricDef.counter(
      "saypro_db_mysql_innodb_row_lock_wait_seconds_total", "Innodb_row_lock_time: total time spent waiting for row locks.", "target");
  public static final MetricDef ROW_LOCK_CURRENT = MetricDef.gauge(
      "saypro_db_mysql_innodb_row_lock_current_waits", "Innodb_row_lock_current_waits: row lock waits right now.", "target");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "mysql", "MySQL/MariaDB: threads, aborted connections, InnoDB row lock waits.", true, Duration.ofSeconds(1),
      List.of(THREADS_CONNECTED, THREADS_RUNNING, ABORTED, ROW_LOCK_WAITS, ROW_LOCK_TIME, ROW_LOCK_CURRENT));

  private static final Set<String> STATUS = Set.of("Threads_connected", "Threads_running", "Aborted_connects",
      "Aborted_clients", "Innodb_row_lock_waits", "Innodb_row_lock_time", "Innodb_row_lock_current_waits");

  private final SharedRead shared;

  public MysqlCollector(SharedRead shared) {
    this.shared = shared;
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public SharedRead.Needs needs(Engine engine) {
    return engine == Engine.MYSQL ? new SharedRead.Needs(List.of(), STATUS, false) : SharedRead.Needs.NONE;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    if (target.engine() != Engine.MYSQL) {
      return;
    }
    Map<String, Double> status = shared.status(context);
    String name = target.name();
    add(out, THREADS_CONNECTED, status.get("threads_connected"), 1, name);
    add(out, THREADS_RUNNING, status.get("threads_running"), 1, name);
    add(out, ABORTED, status.get("aborted_connects"), 1, name, "connects");
    add(out, ABORTED, status.get("aborted_clients"), 1, name, "clients");
    add(out, ROW_LOCK_WAITS, status.get("innodb_row_lock_waits"), 1, name);
    add(out, ROW_LOCK_TIME, status.get("innodb_row_lock_time"), 0.001, name); // milliseconds
    add(out, ROW_LOCK_CURRENT, status.get("innodb_row_lock_current_waits"), 1, name);
  }

  private static void add(Samples out, MetricDef def, Double value, double scale, String... labels) {
    if (value != null) {
      out.add(def, value * scale, labels);
    }
  }
}
