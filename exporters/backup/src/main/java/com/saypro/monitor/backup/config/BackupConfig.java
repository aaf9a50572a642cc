package com.saypro.monitor.backup.config;

import com.saypro.monitor.core.config.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The backup exporter's whole config, validated.
 *
 * @param drillToken the bearer token of {@code POST /drill}; empty: on-demand drills are refused
 * @param stateFolder where drill history survives restarts
 */
public record BackupConfig(
    List<JobConfig> jobs,
    List<DrillConfig> drills,
    Optional<Secret> drillToken,
    Path stateFolder,
    Commands commands) {

  /** The programs the exporter runs, by name on the PATH or as absolute paths. */
  public record Commands(String psql, String pgRestore, String mariadb, String restic) {
    public static final Commands DEFAULT = new Commands("psql", "pg_restore", "mariadb", "restic");
  }
}
