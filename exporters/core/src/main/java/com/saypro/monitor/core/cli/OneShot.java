package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.exporter.ExporterLoader;
import com.saypro.monitor.core.exporter.LoadedExporter;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code saypro-monitor EXPORTER --one-shot}: builds the exporter for one run (it does its work while being built,
 * see {@link com.saypro.monitor.core.exporter.ExporterContext#oneShot()}), collects once, prints the metrics in the
 * Prometheus text format and exits. No web server, no JVM or self metrics: only what the collectors made, with
 * their {@code saypro_collector_*} success and duration. Like {@code mtail --one_shot}: for trying a config on real
 * input.
 */
final class OneShot {
  private OneShot() {}

  /** 0 when the metrics were printed; 1 with one line on {@code err} for a config error. */
  static int run(ExporterDefinition definition, Optional<Path> configFile, PrintWriter out, PrintWriter err) {
    try (CollectorWorkers workers = new CollectorWorkers()) {
      ExporterLoader loader = new ExporterLoader(definition, configFile, ConfigLoader.withSystemEnvironment(),
          Clock.systemUTC(), workers, false).oneShot();
      try (LoadedExporter loaded = loader.load()) {
        MetricSnapshots snapshots = loaded.runtime().collect();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(text, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
        out.print(text.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
      }
    } catch (ConfigException e) {
      err.println("saypro-monitor " + definition.name() + ": " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
  }
}
