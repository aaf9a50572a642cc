package com.saypro.monitor.core.collect;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an exporter declares about one of its collectors: its name in config, what it does, whether
 * it runs by default, how often it may run at most, and every metric it can produce.
 *
 * @param defaultMinInterval zero for collectors that run on every scrape; more for expensive ones,
 *     whose results are cached and shared by concurrent scrapes
 */
public record CollectorSpec(
    String name,
    String help,
    boolean enabledByDefault,
    Duration defaultMinInterval,
    List<MetricDef> metrics) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public CollectorSpec {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Illegal collector name " + name);
    }
    metrics = List.copyOf(metrics);
    if (defaultMinInterval.isNegative()) {
      throw new IllegalArgumentException("Negative min_interval for collector " + name);
    }
  }

  public static CollectorSpec of(String name, String help, MetricDef... metrics) {
    return new CollectorSpec(name, help, true, Duration.ZERO, List.of(metrics));
  }

  public CollectorSpec disabledByDefault() {
    return new CollectorSpec(name, help, false, defaultMinInterval, metrics);
  }

  public CollectorSpec withMinInterval(Duration minInterval) {
    return new CollectorSpec(name, help, enabledByDefault, minInterval, metrics);
  }
}
