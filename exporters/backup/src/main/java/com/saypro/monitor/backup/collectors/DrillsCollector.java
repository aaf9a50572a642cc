package com.saypro.monitor.backup.collectors;

import com.saypro.monitor.backup.config.DrillConfig;
import com.saypro.monitor.backup.drill.DrillRecord;
import com.saypro.monitor.backup.drill.DrillService;
import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * Restore drills: when they ran, whether the restore and its verification passed, how long the
 * restore took (the measured recovery time) and how old the restored backup was (the recovery point).
 *
 * <pre>
 * saypro_backup_drill_interval_seconds{drill="nightly-postgresql"} 7862400
 * saypro_backup_drill_last_run_timestamp_seconds{drill="nightly-postgresql"} 1.7959e9
 * saypro_backup_drill_last_success_timestamp_seconds{drill="nightly-postgresql"} 1.7959e9
 * saypro_backup_drill_success{drill="nightly-postgresql"} 1
 * saypro_backup_drill_runs_total{drill="nightly-postgresql",outcome="success"} 1
 * saypro_backup_drill_runs_total{drill="nightly-postgresql",outcome="failure"} 0
 * saypro_backup_drill_restore_duration_seconds{drill="nightly-postgresql"} 41.5
 * saypro_backup_drill_recovery_point_age_seconds{drill="nightly-postgresql"} 5400
 * saypro_backup_drill_running{drill="nightly-postgresql"} 0
 * saypro_backup_drill_failure_info{drill="nightly-postgresql",reason="restore_failed"} 1
 * </pre>
 */
public final class DrillsCollector implements SayproCollector {
  public static final String NAME = "drills";

  static final MetricDef INTERVAL = MetricDef.gauge("saypro_backup_drill_interval_seconds",
      "The drill's configured schedule (quarterly by default).", "drill");
  static final MetricDef LAST_RUN = MetricDef.gauge("saypro_backup_drill_last_run_timestamp_seconds",
      "When the last drill started, Unix seconds.", "drill");
  static final MetricDef LAST_SUCCESS = MetricDef.gauge("saypro_backup_drill_last_success_timestamp_seconds",
      "When the last successful drill started, Unix seconds.", "drill");
  static final MetricDef SUCCESS = MetricDef.gauge("saypro_backup_drill_success",
      "1 if the last drill restored and verified the backup, 0 if it failed.", "drill");
  static final MetricDef RUNS = MetricDef.counter("saypro_backup_drill_runs_total",
      "Drills run, by outcome (kept across restarts in the state folder).", "drill", "outcome");
  static final MetricDef RESTORE = MetricDef.gauge("saypro_backup_drill_restore_duration_seconds",
      "How long the last drill took to create the scratch database and restore into it: the recovery time.", "drill");
  static final MetricDef RECOVERY_POINT = MetricDef.gauge("saypro_backup_drill_recovery_point_age_seconds",
      "Age of the backup the last drill restored, when it started: the recovery point.", "drill");
  static final MetricDef RUNNING = MetricDef.gauge("saypro_backup_drill_running",
      "1 while a drill of this name runs.", "drill");
  static final MetricDef FAILURE = MetricDef.gauge("saypro_backup_drill_failure_info",
      "Always 1 while the last drill failed: why (no_backup, no_recorded_counts, scratch_failed, restore_failed, "
          + "dump_refused, verify_failed, timeout, interrupted, error).", "drill", "reason");

  public static final CollectorSpec SPEC = CollectorSpec.of(NAME,
      "restore drills: last run and success, measured restore time, recovery point age",
      INTERVAL, LAST_RUN, LAST_SUCCESS, SUCCESS, RUNS, RESTORE, RECOVERY_POINT, RUNNING, FAILURE);

  private final DrillService drills;

  public DrillsCollector(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) {
    MetricDef.Points interval = INTERVAL.points();
    MetricDef.Points lastRun = LAST_RUN.points();
    MetricDef.Points lastSuccess = LAST_SUCCESS.points();
    MetricDef.Points success = SUCCESS.points();
    MetricDef.Points runs = RUNS.points();
    MetricDef.Points restore = RESTORE.points();
    MetricDef.Points point = RECOVERY_POINT.points();
    MetricDef.Points running = RUNNING.points();
    MetricDef.Points failure = FAILURE.points();
    for (DrillConfig drill : drills.drills().values()) {
      String name = drill.name();
      DrillRecord r = drills.record(name);
      interval.add(drill.interval().toSeconds(), name);
      r.lastRunSeconds().ifPresent(v -> lastRun.add(v, name));
      r.lastSuccessSeconds().ifPresent(v -> lastSuccess.add(v, name));
      r.lastSuccess().ifPresent(ok -> success.add(ok ? 1 : 0, name));
      runs.add(r.successes(), name, "success");
      runs.add(r.failures(), name, "failure");
      r.restoreSeconds().ifPresent(v -> restore.add(v, name));
      r.recoveryPointAgeSeconds().ifPresent(v -> point.add(v, name));
      running.add(drills.isRunning(name) ? 1 : 0, name);
      r.failure().ifPresent(reason -> failure.add(1, name, reason));
    }
    return List.of(interval.build(), lastRun.build(), lastSuccess.build(), success.build(), runs.build(),
        restore.build(), point.build(), running.build(), failure.build());
  }
}
