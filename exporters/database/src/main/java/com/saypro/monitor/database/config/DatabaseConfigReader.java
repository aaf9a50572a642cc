package com.saypro.monitor.database.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.SecretFiles;
import com.saypro.monitor.database.checks.CheckConfig;
import com.saypro.monitor.database.checks.CheckFiles;
import com.saypro.monitor.database.checks.CheckReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the exporter's own keys into a {@link DatabaseConfig}.
 *
 * <pre>
 * targets: [...]                      # see TargetReader
 * check_files: [bundled:marketplace]  # YAML files with a checks: list
 * checks: [...]                       # inline checks, see CheckReader (metric: gives a gauge check its own name)
 * top_tables: 10
 * slow_query_threshold: 5s
 * </pre>
 */
public final class DatabaseConfigReader {
  private final SecretFiles secretFiles;
  private final CheckFiles checkFiles;
  private final Set<String> builtInMetrics;

  /** @param builtInMetrics every name the exporter's collectors expose, which no check may take */
  public DatabaseConfigReader(
      SecretFiles secretFiles, ConfigLoader checkFileLoader, Path configDirectory, Set<String> builtInMetrics) {
    this.secretFiles = secretFiles;
    this.checkFiles = new CheckFiles(checkFileLoader, configDirectory);
    this.builtInMetrics = Set.copyOf(builtInMetrics);
  }

  public DatabaseConfig read(ConfigNode root) throws ConfigException {
    List<TargetConfig> targets = root.list("targets", new TargetReader(secretFiles)::read);
    Map<String, TargetConfig> byName = new HashMap<>();
    for (TargetConfig target : targets) {
      if (byName.put(target.name(), target) != null) {
        throw root.require("targets").error("target name " + target.name() + " is used twice");
      }
    }
    List<CheckConfig> checks = new ArrayList<>();
    java.util.Optional<ConfigNode> files = root.get("check_files");
    if (files.isPresent()) {
      for (ConfigNode file : files.get().items()) {
        checks.addAll(checkFiles.load(file));
      }
    }
    checks.addAll(root.list("checks", new CheckReader()::read));
    Map<String, CheckConfig> checkNames = new HashMap<>();
    for (CheckConfig check : checks) {
      CheckConfig previous = checkNames.put(check.name(), check);
      if (previous != null) {
        throw new ConfigException(
            check.source() + ": check " + check.name() + " is already defined at " + previous.source());
      }
      for (String target : check.targets()) {
        if (!byName.containsKey(target)) {
          throw new ConfigException(
              check.source() + ": check " + check.name() + " names target " + target
                  + ", which is not configured (targets: " + String.join(", ", byName.keySet()) + ")");
        }
      }
    }
    ownMetricsAreUnique(checks);
    int topTables = root.integer("top_tables", 10, 1, 500);
    Duration slow = root.positiveDuration("slow_query_threshold", Duration.ofSeconds(5));
    return new DatabaseConfig(targets, checks, topTables, slow);
  }

  /** A check's own metric may not take a name the exporter already exposes, or another check's. */
  private void ownMetricsAreUnique(List<CheckConfig> checks) throws ConfigException {
    Map<String, CheckConfig> owners = new HashMap<>();
    for (CheckConfig check : checks) {
      if (check.metric().isEmpty()) {
        continue;
      }
      String name = check.metric().get().name();
      if (builtInMetrics.contains(name) || name.startsWith("saypro_scrape_") || name.startsWith("saypro_exporter_")) {
        throw new ConfigException(check.source() + ": check " + check.name() + ": metric " + name
            + " is a name the exporter already uses; choose another");
      }
      CheckConfig previous = owners.put(name, check);
      if (previous != null) {
        throw new ConfigException(check.source() + ": check " + check.name() + ": metric " + name
            + " is already the metric of check " + previous.name() + " (" + previous.source() + ")");
      }
    }
  }
}
