package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.CollectorRuntime;
import com.saypro.monitor.core.collect.CollectorSet;
import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads an exporter's config file (or its embedded defaults) and builds a {@link LoadedExporter}.
 * The core reads the keys every exporter shares; the exporter reads its own; anything left is an
 * unknown key and an error.
 *
 * <pre>
 * collectors:            # per collector: enabled, min_interval, timeout
 *   table_sizes: {min_interval: 5m}
 * scrape:
 *   timeout_offset: 500ms  # subtracted from X-Prometheus-Scrape-Timeout-Seconds
 *   default_timeout: 10s   # when the header is missing or invalid
 * jvm_metrics: true
 * </pre>
 */
public final class ExporterLoader {
  private final ExporterDefinition definition;
  private final Optional<Path> configFile;
  private final ConfigLoader yaml;
  private final Clock clock;
  private final CollectorWorkers workers;
  private final boolean jvmMetricsDefault;
  private final boolean oneShot;

  public ExporterLoader(
      ExporterDefinition definition,
      Optional<Path> configFile,
      ConfigLoader yaml,
      Clock clock,
      CollectorWorkers workers,
      boolean jvmMetricsDefault) {
    this(definition, configFile, yaml, clock, workers, jvmMetricsDefault, false);
  }

  private ExporterLoader(
      ExporterDefinition definition,
      Optional<Path> configFile,
      ConfigLoader yaml,
      Clock clock,
      CollectorWorkers workers,
      boolean jvmMetricsDefault,
      boolean oneShot) {
    this.oneShot = oneShot;
    this.definition = definition;
    this.configFile = configFile;
    this.yaml = yaml;
    this.clock = clock;
    this.workers = workers;
    this.jvmMetricsDefault = jvmMetricsDefault;
  }

  /** Builds exporters for one run ({@code --one-shot}, see {@link ExporterContext#oneShot()}). */
  public ExporterLoader oneShot() {
    return new ExporterLoader(definition, configFile, yaml, clock, workers, jvmMetricsDefault, true);
  }

  /** The config tree: the file, or the embedded defaults, or an empty map. */
  public ConfigNode readTree() throws ConfigException {
    if (configFile.isPresent()) {
      return yaml.load(configFile.get());
    }
    String resource = definition.defaultConfigResource();
    if (resource == null) {
      return ConfigNode.emptyMap("(" + definition.name() + " defaults)");
    }
    try (InputStream in = definition.getClass().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("embedded default config " + resource + " is missing");
      }
      return yaml.parse(
          definition.name() + " defaults " + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("embedded default config " + resource + " cannot be read", e);
    }
  }

  public LoadedExporter load() throws ConfigException {
    return load(readTree());
  }

  /** Builds from an already parsed tree (used by {@code all}, whose suite file may inline configs). */
  public LoadedExporter load(ConfigNode root) throws ConfigException {
    CollectorSet collectors = CollectorSet.read(definition.collectors(), root);
    ScrapeDeadlinePolicy policy = readScrape(root);
    boolean jvmMetrics = root.bool("jvm_metrics", jvmMetricsDefault);
    Path directory = configFile.map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
    Exporter exporter = definition.create(root, new ExporterContext(collectors, clock, directory, oneShot));
    try {
      root.rejectUnknownKeys();
      CollectorRuntime runtime = collectors.runtime(exporter.collectors(), exporter.configuredMetrics(), policy, clock, workers);
      return new LoadedExporter(exporter, runtime, jvmMetrics);
    } catch (ConfigException | RuntimeException e) {
      exporter.close();
      throw e;
    }
  }

  private static ScrapeDeadlinePolicy readScrape(ConfigNode root) throws ConfigException {
    Optional<ConfigNode> scrape = root.get("scrape");
    if (scrape.isEmpty()) {
      return ScrapeDeadlinePolicy.DEFAULT;
    }
    ConfigNode node = scrape.get().asMap();
    Duration offset = node.duration("timeout_offset", ScrapeDeadlinePolicy.DEFAULT.offset());
    Duration fallback = node.positiveDuration("default_timeout", ScrapeDeadlinePolicy.DEFAULT.defaultBudget());
    if (fallback.compareTo(ScrapeDeadlinePolicy.MAX_BUDGET) > 0) {
      throw node.require("default_timeout").invalid("must be at most 10m");
    }
    return new ScrapeDeadlinePolicy(offset, fallback);
  }

  public ExporterDefinition definition() {
    return definition;
  }

  public Optional<Path> configFile() {
    return configFile;
  }
}
