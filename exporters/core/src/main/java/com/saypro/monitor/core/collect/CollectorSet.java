package com.saypro.monitor.core.collect;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exporter's declared collectors with the settings its config gives them. Reads the {@code
 * collectors:} section, where an unknown collector name is an error:
 *
 * <pre>
 * collectors:
 *   table_sizes: {enabled: true, min_interval: 5m, timeout: 30s}
 *   replication: {enabled: false}
 * </pre>
 */
public final class CollectorSet {
  private final List<CollectorSpec> specs;
  private final Map<String, CollectorSettings> settings;

  private CollectorSet(List<CollectorSpec> specs, Map<String, CollectorSettings> settings) {
    this.specs = List.copyOf(specs);
    this.settings = Map.copyOf(settings);
  }

  /** Reads {@code collectors:} from an exporter's config root. */
  public static CollectorSet read(List<CollectorSpec> specs, ConfigNode root) throws ConfigException {
    Map<String, CollectorSpec> byName = new LinkedHashMap<>();
    for (CollectorSpec spec : specs) {
      if (byName.put(spec.name(), spec) != null) {
        throw new IllegalArgumentException("collector " + spec.name() + " declared twice");
      }
    }
    Map<String, ConfigNode> configured = new LinkedHashMap<>();
    Optional<ConfigNode> section = root.get("collectors");
    if (section.isPresent()) {
      ConfigNode map = section.get().asMap();
      for (Map.Entry<String, ConfigNode> entry : map.entries().entrySet()) {
        if (!byName.containsKey(entry.getKey())) {
          throw entry.getValue().error("unknown collector (known: " + String.join(", ", byName.keySet()) + ")");
        }
        configured.put(entry.getKey(), entry.getValue().asMap());
      }
    }
    Map<String, CollectorSettings> settings = new LinkedHashMap<>();
    for (CollectorSpec spec : specs) {
      ConfigNode node = configured.get(spec.name());
      if (node == null) {
        settings.put(spec.name(), new CollectorSettings(spec.enabledByDefault(), spec.defaultMinInterval(), Duration.ZERO));
        continue;
      }
      boolean enabled = node.bool("enabled", spec.enabledByDefault());
      Duration minInterval = node.duration("min_interval", spec.defaultMinInterval());
      Duration timeout = node.duration("timeout", Duration.ZERO);
      settings.put(spec.name(), new CollectorSettings(enabled, minInterval, timeout));
    }
    return new CollectorSet(specs, settings);
  }

  /** Every collector with its default settings (no config file). */
  public static CollectorSet defaults(List<CollectorSpec> specs) {
    try {
      return read(specs, ConfigNode.emptyMap("(defaults)"));
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<CollectorSpec> specs() {
    return specs;
  }

  public boolean enabled(String name) {
    CollectorSettings s = settings.get(name);
    return s != null && s.enabled();
  }

  public CollectorSettings settings(String name) {
    return settings.get(name);
  }

  /**
   * Builds the runtime from the collector instances the exporter made for its enabled collectors.
   *
   * @throws IllegalStateException when an enabled collector has no instance (a programming error)
   */
  public CollectorRuntime runtime(
      Map<String, SayproCollector> instances, ScrapeDeadlinePolicy policy, Clock clock, CollectorWorkers workers) {
    return runtime(instances, Map.of(), policy, clock, workers);
  }

  /** As above, with metrics the config defines per collector (see {@code Exporter.configuredMetrics}). */
  public CollectorRuntime runtime(
      Map<String, SayproCollector> instances,
      Map<String, List<MetricDef>> configuredMetrics,
      ScrapeDeadlinePolicy policy,
      Clock clock,
      CollectorWorkers workers) {
    List<ManagedCollector> managed = new ArrayList<>();
    for (CollectorSpec spec : specs) {
      CollectorSettings s = settings.get(spec.name());
      if (!s.enabled()) {
        continue;
      }
      SayproCollector instance = instances.get(spec.name());
      if (instance == null) {
        throw new IllegalStateException("no instance for enabled collector " + spec.name());
      }
      managed.add(new ManagedCollector(spec, configuredMetrics.getOrDefault(spec.name(), List.of()), s, instance, clock));
    }
    return new CollectorRuntime(managed, policy, clock, workers);
  }

  /** Formats a collector's settings for humans ({@code every scrape}, {@code at most every 5m}). */
  public static String describe(CollectorSettings s) {
    return s.cached() ? "at most every " + Durations.format(s.minInterval()) : "every scrape";
  }
}
