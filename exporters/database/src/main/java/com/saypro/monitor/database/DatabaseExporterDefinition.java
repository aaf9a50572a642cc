package com.saypro.monitor.database;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.database.config.DatabaseConfig;
import com.saypro.monitor.database.config.DatabaseConfigReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** PostgreSQL and MySQL/MariaDB health, data integrity and business checks. */
public final class DatabaseExporterDefinition implements ExporterDefinition {
  @Override
  public String name() {
    return "database";
  }

  @Override
  public String description() {
    return "PostgreSQL and MySQL/MariaDB health, data integrity and business checks";
  }

  @Override
  public int defaultPort() {
    return 9812;
  }

  @Override
  public List<CollectorSpec> collectors() {
    return CollectorCatalog.SPECS;
  }

  @Override
  public String defaultConfigResource() {
    return "/com/saypro/monitor/database/default-config.yml";
  }

  @Override
  public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
    DatabaseConfig database =
        new DatabaseConfigReader(
                context.secretFiles(), ConfigLoader.withSystemEnvironment(), context.configDirectory(), builtInMetrics())
            .read(config);
    return DatabaseExporter.start(database, context, scrapePolicy(config));
  }

  private static java.util.Set<String> builtInMetrics() {
    java.util.Set<String> names = new java.util.HashSet<>();
    CollectorCatalog.SPECS.forEach(spec -> spec.metrics().forEach(m -> names.addAll(m.exposedNames())));
    return names;
  }

  /**
   * The core reads {@code scrape:} for {@code /metrics} but does not hand the result to exporters;
   * {@code /probe} reads the same keys, with the same defaults, so both answer within the same budget.
   */
  private static ScrapeDeadlinePolicy scrapePolicy(ConfigNode root) throws ConfigException {
    Optional<ConfigNode> scrape = root.get("scrape");
    if (scrape.isEmpty()) {
      return ScrapeDeadlinePolicy.DEFAULT;
    }
    ConfigNode node = scrape.get().asMap();
    Duration offset = node.duration("timeout_offset", ScrapeDeadlinePolicy.DEFAULT.offset());
    Duration fallback = node.positiveDuration("default_timeout", ScrapeDeadlinePolicy.DEFAULT.defaultBudget());
    return new ScrapeDeadlinePolicy(offset, fallback);
  }
}
