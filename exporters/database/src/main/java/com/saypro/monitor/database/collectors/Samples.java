package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.MetricDef;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The samples one collection gathers, possibly from several targets, kept per metric in the order
 * they came so each metric becomes one snapshot. A target's samples are gathered apart and added
 * only when its collection succeeded, so a failed target leaves nothing half-written.
 */
public final class Samples {
  private final Map<MetricDef, List<Consumer<MetricDef.Points>>> byMetric = new LinkedHashMap<>();
  private final Map<MetricDef, List<GaugeSnapshot.GaugeDataPointSnapshot>> freeLabelled = new LinkedHashMap<>();

  public Samples add(MetricDef def, double value, String... labelValues) {
    points(def).add(p -> p.add(value, labelValues));
    return this;
  }

  public Samples histogram(MetricDef def, double[] bounds, long[] counts, double sum, String... labelValues) {
    points(def).add(p -> p.histogram(bounds, counts, sum, labelValues));
    return this;
  }

  /**
   * A gauge sample whose label names come from config (a check's key columns), which a {@link
   * MetricDef} cannot list in advance.
   */
  public Samples addWithLabels(MetricDef def, double value, Labels labels) {
    if (def.type() != MetricDef.Type.GAUGE) {
      throw new IllegalArgumentException(def.name() + " is not a gauge");
    }
    freeLabelled.computeIfAbsent(def, d -> new ArrayList<>())
        .add(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
    return this;
  }

  private List<Consumer<MetricDef.Points>> points(MetricDef def) {
    return byMetric.computeIfAbsent(def, d -> new ArrayList<>());
  }

  public void addAll(Samples other) {
    other.byMetric.forEach((def, adders) -> points(def).addAll(adders));
    other.freeLabelled.forEach((def, points) -> freeLabelled.computeIfAbsent(def, d -> new ArrayList<>()).addAll(points));
  }

  public List<MetricSnapshot> snapshots() {
    List<MetricSnapshot> out = new ArrayList<>();
    byMetric.forEach((def, adders) -> {
      MetricDef.Points points = def.points();
      adders.forEach(adder -> adder.accept(points));
      out.add(points.build());
    });
    freeLabelled.forEach((def, points) -> out.add(new GaugeSnapshot(new MetricMetadata(def.snapshotName(), def.help()), points)));
    return out;
  }
}
