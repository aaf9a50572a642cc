package com.saypro.monitor.backup.drill;

import java.util.Locale;

/** Why a drill failed: the bounded {@code reason} label of {@code saypro_backup_drill_failure_info}. */
public enum DrillFailure {
  /** The job has no successful backup with a file to restore. */
  NO_BACKUP,
  /** {@code verify.tables} is set but the backup recorded no row counts. */
  NO_RECORDED_COUNTS,
  /** The scratch database could not be created or dropped, or exists without the drill's marker. */
  SCRATCH_FAILED,
  /** The restore program failed (a corrupt or truncated dump). */
  RESTORE_FAILED,
  /** The dump tries to leave the scratch database (switches database, runs client commands). */
  DUMP_REFUSED,
  /** Row counts differ from those recorded at backup time, or are below the configured minimum. */
  VERIFY_FAILED,
  /** The drill ran out of its time. */
  TIMEOUT,
  /** A reload or shutdown stopped the drill (its scratch database is dropped); the schedule retries it. */
  INTERRUPTED,
  /** Anything else (a program is missing, an I/O error). */
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
