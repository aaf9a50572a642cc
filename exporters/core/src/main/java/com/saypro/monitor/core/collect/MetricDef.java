package com.saypro.monitor.core.collect;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A metric an exporter declares: its exposition name, type, help and label names. Collectors keep
 * their definitions as constants and build snapshots through {@link #points()}, so a name exists
 * in one place, the metric catalogue ({@code docs/METRICS.md}) is generated from these definitions,
 * and the runtime can refuse a metric nobody declared.
 *
 * <pre>{@code
 * static final MetricDef UP = MetricDef.gauge("saypro_db_up", "1 if the database answered.", "target");
 * ...
 * return List.of(UP.points().add(1, "orders").build());
 * }</pre>
 *
 * @param name the name as it appears in the text exposition ({@code saypro_x_total} for counters,
 *     {@code saypro_x_info} for info metrics)
 */
public record MetricDef(String name, Type type, String help, List<String> labelNames) {
  /** The metric types the suite uses. */
  public enum Type {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    INFO
  }

  private static final Pattern NAME = Pattern.compile("saypro_[a-z0-9_]*[a-z0-9]");
  private static final Pattern LABEL = Pattern.compile("[a-z_][a-z0-9_]*");

  public MetricDef {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Illegal metric name " + name + ": must match " + NAME.pattern());
    }
    if (type == Type.COUNTER && !name.endsWith("_total")) {
      throw new IllegalArgumentException("Counter " + name + " must end in _total");
    }
    if (type != Type.COUNTER && name.endsWith("_total")) {
      throw new IllegalArgumentException("Only counters may end in _total: " + name);
    }
    if (type == Type.INFO && !name.endsWith("_info")) {
      throw new IllegalArgumentException("Info metric " + name + " must end in _info");
    }
    if (help == null || help.isBlank()) {
      throw new IllegalArgumentException("Missing help for " + name);
    }
    labelNames = List.copyOf(labelNames);
    for (String label : labelNames) {
      if (!LABEL.matcher(label).matches() || label.startsWith("__") || label.equals("le")) {
        throw new IllegalArgumentException("Illegal label name " + label + " on " + name);
      }
    }
    if (labelNames.size() != labelNames.stream().distinct().count()) {
      throw new IllegalArgumentException("Duplicate label name on " + name);
    }
  }

  public static MetricDef counter(String name, String help, String... labelNames) {
    return new MetricDef(name, Type.COUNTER, help, Arrays.asList(labelNames));
  }

  public static MetricDef gauge(String name, String help, String... labelNames) {
    return new MetricDef(name, Type.GAUGE, help, Arrays.asList(labelNames));
  }

  public static MetricDef histogram(String name, String help, String... labelNames) {
    return new MetricDef(name, Type.HISTOGRAM, help, Arrays.asList(labelNames));
  }

  public static MetricDef info(String name, String help, String... labelNames) {
    return new MetricDef(name, Type.INFO, help, Arrays.asList(labelNames));
  }

  /** The name client_java's snapshots use: without {@code _total} or {@code _info}. */
  public String snapshotName() {
    return switch (type) {
      case COUNTER -> name.substring(0, name.length() - "_total".length());
      case INFO -> name.substring(0, name.length() - "_info".length());
      default -> name;
    };
  }

  /** The names a {@code name[]} filter may ask for to get this metric. */
  public List<String> exposedNames() {
    return type == Type.HISTOGRAM
        ? List.of(name, name + "_bucket", name + "_count", name + "_sum")
        : List.of(name);
  }

  /** A fresh builder of this metric's data points. */
  public Points points() {
    return new Points(this);
  }

  Labels labels(String... values) {
    if (values.length != labelNames.size()) {
      throw new IllegalArgumentException(
          name + " has labels " + labelNames + " but got " + values.length + " values");
    }
    return values.length == 0 ? Labels.EMPTY : Labels.of(labelNames.toArray(new String[0]), values);
  }

  /** Collects the data points of one metric and builds its immutable snapshot. */
  public static final class Points {
    private final MetricDef def;
    private final List<Object> points = new ArrayList<>();

    private Points(MetricDef def) {
      this.def = def;
    }

    /** A counter or gauge value (for info metrics the value is ignored). */
    public Points add(double value, String... labelValues) {
      Labels labels = def.labels(labelValues);
      switch (def.type) {
        case COUNTER -> points.add(
            CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(labels).build());
        case GAUGE -> points.add(
            GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
        case INFO -> points.add(new InfoSnapshot.InfoDataPointSnapshot(labels));
        case HISTOGRAM -> throw new IllegalStateException(def.name + " is a histogram: use histogram()");
      }
      return this;
    }

    /**
     * A histogram data point from bucket upper bounds (the last one {@code +Inf}) and the number of
     * observations in each bucket (not cumulative).
     */
    public Points histogram(double[] upperBounds, long[] counts, double sum, String... labelValues) {
      if (def.type != Type.HISTOGRAM) {
        throw new IllegalStateException(def.name + " is not a histogram");
      }
      points.add(
          HistogramSnapshot.HistogramDataPointSnapshot.builder()
              .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
              .sum(sum)
              .labels(def.labels(labelValues))
              .build());
      return this;
    }

    public boolean isEmpty() {
      return points.isEmpty();
    }

    @SuppressWarnings("unchecked")
    public MetricSnapshot build() {
      return switch (def.type) {
        case COUNTER -> new CounterSnapshot(
            meta(), (List<CounterSnapshot.CounterDataPointSnapshot>) (List<?>) points);
        case GAUGE -> new GaugeSnapshot(
            meta(), (List<GaugeSnapshot.GaugeDataPointSnapshot>) (List<?>) points);
        case INFO -> new InfoSnapshot(
            meta(), (List<InfoSnapshot.InfoDataPointSnapshot>) (List<?>) points);
        case HISTOGRAM -> new HistogramSnapshot(
            meta(), (List<HistogramSnapshot.HistogramDataPointSnapshot>) (List<?>) points);
      };
    }

    private io.prometheus.metrics.model.snapshots.MetricMetadata meta() {
      return new io.prometheus.metrics.model.snapshots.MetricMetadata(def.snapshotName(), def.help);
    }
  }
}
