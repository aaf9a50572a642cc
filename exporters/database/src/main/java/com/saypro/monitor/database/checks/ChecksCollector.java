package com.saypro.monitor.database.checks;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.database.collectors.CollectionFailedException;
import com.saypro.monitor.database.collectors.Samples;
import com.saypro.monitor.database.collectors.TargetCollector;
import com.saypro.monitor.database.targets.DatabaseTarget;
import com.saypro.monitor.database.targets.SafeErrors;
import com.saypro.monitor.database.targets.TargetUnavailableException;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom SQL checks of one target. Each check runs at most once per its own {@code min_interval}
 * (its last result, success or failure, is served in between, with its age), under its own timeout,
 * and fails alone: a check whose query errors, times out or returns the wrong columns gets {@code
 * saypro_db_check_success 0} and a log line, and every other check goes on. Only one run of a
 * target's checks happens at a time, however many scrapes ask (from {@code /metrics} and {@code
 * /probe} alike); the others wait for it and serve its results.
 *
 * <pre>
 * saypro_data_integrity_violations{target="marketplace",check="orders_without_user"} 0.0
 * saypro_db_check_value{target="marketplace",check="payments_failed_5m",column="failed",gateway="cardpay",error_code="declined"} 3.0
 * saypro_marketplace_orders_per_minute{target="marketplace"} 4.0    (a check with metric: saypro_marketplace_orders_per_minute)
 * saypro_db_check_success{target="marketplace",check="orders_without_user"} 1.0
 * saypro_db_check_age_seconds{target="marketplace",check="orders_without_user"} 12.5
 * saypro_db_check_duration_seconds{target="marketplace",check="orders_without_user"} 0.0021
 * saypro_db_check_failures_total{target="marketplace",check="orders_without_user"} 0.0
 * </pre>
 */
public final class ChecksCollector implements TargetCollector {
  private static final Logger log = LoggerFactory.getLogger(ChecksCollector.class);

  public static final MetricDef VIOLATIONS = MetricDef.gauge(
      "saypro_data_integrity_violations", "Rows that break a data integrity rule, per integrity check.", "target", "check");
  public static final MetricDef VALUE = MetricDef.gauge(
      "saypro_db_check_value",
      "A value column of a custom check; the check's key columns are extra labels.", "target", "check", "column");
  public static final MetricDef SUCCESS = MetricDef.gauge(
      "saypro_db_check_success", "1 if the check's last run succeeded, 0 if it failed.", "target", "check");
  public static final MetricDef AGE = MetricDef.gauge(
      "saypro_db_check_age_seconds", "Time since the check's served result was computed.", "target", "check");
  public static final MetricDef DURATION = MetricDef.gauge(
      "saypro_db_check_duration_seconds", "How long the check's last run took.", "target", "check");
  public static final MetricDef FAILURES = MetricDef.counter(
      "saypro_db_check_failures_total", "Runs of the check that failed (query error, timeout, wrong columns).", "target", "check");
  public static final CollectorSpec SPEC = new CollectorSpec(
      "checks", "Custom SQL checks: data integrity and business metrics.", true, Duration.ofSeconds(1),
      List.of(VIOLATIONS, VALUE, SUCCESS, AGE, DURATION, FAILURES));

  private final List<CheckConfig> checks;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();
  private final Map<String, CheckResult> results = new LinkedHashMap<>(); // guarded by running
  private final Map<String, Long> failures = new LinkedHashMap<>(); // guarded by running

  /** @param checks the checks that run on this collector's target */
  public ChecksCollector(List<CheckConfig> checks, Clock clock) {
    this.checks = List.copyOf(checks);
    this.clock = clock;
  }

  @Override
  public CollectorSpec spec() {
    return SPEC;
  }

  @Override
  public void collect(DatabaseTarget target, CollectContext context, Samples out) throws Exception {
    if (checks.isEmpty()) {
      return;
    }
    if (!running.tryLock(context.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
      throw new CollectionFailedException("checks of target " + target.name() + " are still running");
    }
    try {
      runDue(target, context);
      emit(target.name(), out);
    } finally {
      running.unlock();
    }
  }

  private void runDue(DatabaseTarget target, CollectContext context) throws TargetUnavailableException {
    List<CheckConfig> due = new ArrayList<>();
    Instant now = clock.instant();
    for (CheckConfig check : checks) {
      CheckResult last = results.get(check.name());
      if (last == null || Duration.between(last.finished(), now).compareTo(check.minInterval()) >= 0) {
        due.add(check);
      }
    }
    if (due.isEmpty()) {
      return;
    }
    try (Connection connection = target.connect(false)) {
      for (CheckConfig check : due) {
        if (context.remaining().isZero()) {
          return; // the rest stay due for the next scrape
        }
        results.put(check.name(), run(target, connection, check, context));
      }
    } catch (SQLException e) {
      // only close() gets here: the pool notices a broken connection itself
      log.debug("closing a connection of target {} failed: {}", target.name(), target.errors().describe(e));
    }
  }

  private CheckResult run(DatabaseTarget target, Connection connection, CheckConfig check, CollectContext context)
      throws TargetUnavailableException {
    String sql = check.query(target.engine()).orElseThrow();
    Duration timeout = min(check.timeout(), context.remaining());
    long start = System.nanoTime();
    try {
      List<CheckResult.Row> rows = CheckQuery.run(connection, sql, check, timeout);
      return new CheckResult(rows, true, "", clock.instant(), took(start));
    } catch (SQLException e) {
      if (SafeErrors.isConnectionFailure(e)) {
        throw new TargetUnavailableException(target.errors().describe(e));
      }
      return failed(target, check, target.errors().describe(e), start);
    } catch (CheckQuery.WrongShapeException e) {
      return failed(target, check, e.getMessage(), start);
    }
  }

  private CheckResult failed(DatabaseTarget target, CheckConfig check, String reason, long start) {
    failures.merge(check.name(), 1L, Long::sum);
    log.warn("check {} on target {} failed: {} ({})", check.name(), target.name(), reason, check.source());
    return new CheckResult(List.of(), false, reason, clock.instant(), took(start));
  }

  private void emit(String target, Samples out) {
    Instant now = clock.instant();
    for (CheckConfig check : checks) {
      CheckResult result = results.get(check.name());
      if (result == null) {
        continue; // not run yet: the deadline came first
      }
      out.add(SUCCESS, result.success() ? 1 : 0, target, check.name());
      out.add(DURATION, result.took().toNanos() / 1e9, target, check.name());
      out.add(FAILURES, failures.getOrDefault(check.name(), 0L), target, check.name());
      if (!result.success()) {
        continue;
      }
      out.add(AGE, Math.max(0, Duration.between(result.finished(), now).toNanos() / 1e9), target, check.name());
      for (CheckResult.Row row : result.rows()) {
        for (int i = 0; i < check.values().size(); i++) {
          Double value = row.values().get(i);
          if (value == null) {
            continue;
          }
          if (check.kind() == CheckConfig.Kind.INTEGRITY) {
            out.addWithLabels(VIOLATIONS, value, labels(target, check, null, row));
          } else if (check.metric().isPresent()) {
            out.addWithLabels(check.metric().get(), value,
                ownLabels(target, check, check.labelsColumn() ? check.values().get(i) : null, row));
          } else {
            out.addWithLabels(VALUE, value, labels(target, check, check.values().get(i), row));
          }
        }
      }
    }
  }

  private static Labels labels(String target, CheckConfig check, String column, CheckResult.Row row) {
    List<String> names = new ArrayList<>(List.of("target", "check"));
    List<String> values = new ArrayList<>(List.of(target, check.name()));
    if (column != null) {
      names.add("column");
      values.add(column);
    }
    names.addAll(check.labels());
    values.addAll(row.labelValues());
    return Labels.of(names, values);
  }

  /** Labels of a check's own metric: no {@code check} label, the metric name says which check it is. */
  private static Labels ownLabels(String target, CheckConfig check, String column, CheckResult.Row row) {
    List<String> names = new ArrayList<>(List.of("target"));
    List<String> values = new ArrayList<>(List.of(target));
    names.addAll(check.labels());
    values.addAll(row.labelValues());
    if (column != null) {
      names.add("column");
      values.add(column);
    }
    return Labels.of(names, values);
  }

  /** The checks' last outcomes, for the landing page. */
  public List<String> describe(String target) {
    List<String> lines = new ArrayList<>();
    for (CheckConfig check : checks) {
      lines.add("check " + check.name() + " on " + target + ": " + check.kind().name().toLowerCase(java.util.Locale.ROOT)
          + ", every " + check.minInterval().toSeconds() + "s, timeout " + check.timeout().toMillis() + "ms");
    }
    return lines;
  }

  private static Duration took(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
