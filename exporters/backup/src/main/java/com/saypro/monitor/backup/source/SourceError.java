package com.saypro.monitor.backup.source;

import java.util.Locale;

/** Why a job's source could not be read: the bounded {@code reason} label of the error counter. */
public enum SourceError {
  /** The status file or folder is not there. */
  MISSING,
  /** It exists but cannot be read (permissions, I/O error). */
  UNREADABLE,
  /** A path resolves (symlinks followed) outside the configured folder. */
  OUTSIDE_FOLDER,
  /** The status file is larger than the exporter reads. */
  TOO_LARGE,
  /** Half-written, empty, garbage or missing required fields. */
  MALFORMED,
  /** The status file names another job. */
  WRONG_JOB,
  /** The folder holds no file matching the pattern, or the repository no snapshot. */
  NO_BACKUPS,
  /** A folder job's checksum file is missing or unreadable. */
  CHECKSUM_MISSING,
  /** The restic command failed (wrong password, repository unreachable). */
  COMMAND_FAILED,
  /** The restic command ran out of time. */
  TIMEOUT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
