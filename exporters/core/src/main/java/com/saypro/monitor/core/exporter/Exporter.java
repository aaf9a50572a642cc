package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.SayproCollector;
import java.util.List;
import java.util.Map;

/**
 * A configured exporter: its collectors (one per enabled collector name) and any extra HTTP routes
 * (such as {@code /probe}). Replaced whole on reload; {@link #close()} releases what it holds.
 */
public interface Exporter extends AutoCloseable {
  Map<String, SayproCollector> collectors();

  /**
   * Metrics that exist only because the config defines them (user-written log rules, custom SQL
   * checks), by collector name. The runtime accepts them from that collector in addition to the
   * ones its {@link com.saypro.monitor.core.collect.CollectorSpec} declares.
   */
  default Map<String, List<com.saypro.monitor.core.collect.MetricDef>> configuredMetrics() {
    return Map.of();
  }

  default List<Route> routes() {
    return List.of();
  }

  /** Lines for the landing page's "configuration" section (no secrets). */
  default List<String> describe() {
    return List.of();
  }

  @Override
  default void close() {}
}
