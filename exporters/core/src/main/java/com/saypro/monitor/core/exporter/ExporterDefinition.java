package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.util.List;

/**
 * One exporter of the suite, as the launcher sees it. Implementations are listed in {@code
 * META-INF/services/com.saypro.monitor.core.exporter.ExporterDefinition}; the launcher finds them
 * with {@link java.util.ServiceLoader}, makes a subcommand of each, and runs them all with {@code
 * all}. They are stateless: everything that runs is made by {@link #create}.
 */
public interface ExporterDefinition {
  /** The subcommand and {@code exporter} label value, for example {@code database}. */
  String name();

  /** One line for {@code --help} and the landing page. */
  String description();

  /** The port it listens on unless told otherwise. */
  int defaultPort();

  /** Every collector it can run, with its metrics (the catalogue is generated from these). */
  List<CollectorSpec> collectors();

  /**
   * The classpath resource holding the config used when no {@code --config.file} is given, or
   * {@code null} when the exporter runs on an empty config.
   */
  default String defaultConfigResource() {
    return null;
  }

  /**
   * What {@code --one-shot} does for this exporter (a line of {@code --help}), or {@code null} when it has
   * no one-shot mode (the default): then the flag is not offered.
   */
  default String oneShotDescription() {
    return null;
  }

  /**
   * Reads the exporter's own keys from {@code config} (the core has already read {@code collectors},
   * {@code scrape} and {@code jvm_metrics}) and builds a collector for each enabled one. Every key it
   * does not read is reported as unknown afterwards.
   */
  Exporter create(ConfigNode config, ExporterContext context) throws ConfigException;
}
