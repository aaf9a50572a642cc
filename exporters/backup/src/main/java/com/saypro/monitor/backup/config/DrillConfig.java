package com.saypro.monitor.backup.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A restore drill: restore the newest dump of {@code job} into the {@code scratch} database,
 * verify it, drop it.
 *
 * @param scheduled false: only on demand (POST /drill); the interval is still reported
 * @param verifyTables tables whose row counts must equal the counts recorded at backup time
 * @param minRows configured expectations: each table must have at least this many rows
 */
public record DrillConfig(
    String name,
    String job,
    Engine engine,
    Duration interval,
    boolean scheduled,
    Duration timeout,
    List<DatabaseEndpoint> sources,
    DatabaseEndpoint scratch,
    List<String> verifyTables,
    Map<String, Long> minRows) {

  /** The database engine of the dump. */
  public enum Engine {
    POSTGRESQL,
    MYSQL
  }
}
