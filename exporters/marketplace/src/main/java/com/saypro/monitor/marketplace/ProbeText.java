package com.saypro.monitor.marketplace;

import com.saypro.monitor.core.collect.MetricDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few gauges of one {@code /probe} answer, written straight to the Prometheus text format
 * (0.0.4), byte for byte as {@code PrometheusTextFormatWriter} writes the same values: families by
 * name, each with HELP and TYPE, samples ordered by their labels, labels by name. Why not through
 * snapshots: building, validating and sorting snapshots for a dozen samples was a tenth of the
 * exporter's own CPU per probe (JFR), and a probe answer is never merged with anything else.
 */
final class ProbeText {
  private static final Comparator<String[]> BY_LABELS = (a, b) -> {
    for (int i = 0; i < a.length; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  private final Map<String, Family> families = new TreeMap<>();

  /** Adds one sample of the gauge {@code def}; label values in the order of its label names. */
  ProbeText add(MetricDef def, double value, String... labelValues) {
    if (labelValues.length != def.labelNames().size()) {
      throw new IllegalArgumentException(def.name() + " takes " + def.labelNames().size() + " label values");
    }
    families.computeIfAbsent(def.name(), name -> new Family(def)).add(labelValues, value);
    return this;
  }

  String render() {
    StringBuilder out = new StringBuilder(1024);
    for (Family family : families.values()) {
      family.write(out);
    }
    return out.toString();
  }

  private static final class Family {
    private final MetricDef def;
    private final String[] sortedNames;
    private final int[] order; // order[i]: where the i-th label by name sits in the definition
    private final List<String[]> labelValues = new ArrayList<>(4);
    private final List<Double> values = new ArrayList<>(4);

    Family(MetricDef def) {
      this.def = def;
      List<String> names = def.labelNames();
      this.sortedNames = names.stream().sorted().toArray(String[]::new);
      this.order = Arrays.stream(sortedNames).mapToInt(names::indexOf).toArray();
    }

    void add(String[] values, double value) {
      String[] sorted = new String[values.length];
      for (int i = 0; i < order.length; i++) {
        sorted[i] = values[order[i]];
      }
      labelValues.add(sorted);
      this.values.add(value);
    }

    void write(StringBuilder out) {
      out.append("# HELP ").append(def.name()).append(' ');
      escape(out, def.help(), false);
      out.append("\n# TYPE ").append(def.name()).append(" gauge\n");
      Integer[] indexes = new Integer[values.size()];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = i;
      }
      Arrays.sort(indexes, (a, b) -> BY_LABELS.compare(labelValues.get(a), labelValues.get(b)));
      for (int index : indexes) {
        out.append(def.name());
        String[] labels = labelValues.get(index);
        if (labels.length > 0) {
          out.append('{');
          for (int i = 0; i < labels.length; i++) {
            out.append(i == 0 ? "" : ",").append(sortedNames[i]).append("=\"");
            escape(out, labels[i], true);
            out.append('"');
          }
          out.append('}');
        }
        out.append(' ');
        double value = values.get(index);
        out.append(value == Double.POSITIVE_INFINITY ? "+Inf"
            : value == Double.NEGATIVE_INFINITY ? "-Inf" : Double.toString(value)).append('\n');
      }
    }

    private static void escape(StringBuilder out, String text, boolean quotes) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '"' -> out.append(quotes ? "\\\"" : "\"");
          default -> out.append(c);
        }
      }
    }
  }
}
