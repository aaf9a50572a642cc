package com.saypro.monitor.database.config;

import com.saypro.monitor.database.checks.CheckConfig;
import java.time.Duration;
import java.util.List;

/**
 * The database exporter's own config, read whole before anything is opened.
 *
 * @param topTables how many tables the size and vacuum metrics show per target; the rest are summed
 * @param slowQueryThreshold a statement running longer than this counts as slow
 */
public record DatabaseConfig(
    List<TargetConfig> targets, List<CheckConfig> checks, int topTables, Duration slowQueryThreshold) {
  public DatabaseConfig {
    targets = List.copyOf(targets);
    checks = List.copyOf(checks);
  }
}
