package com.saypro.monitor.core.catalogue;

import com.saypro.monitor.core.collect.CollectorRuntime;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.exporter.SelfMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates {@code docs/METRICS.md} from the code: every metric every exporter declares, by exporter
 * and collector, and the metrics the core adds to every exporter. Nothing in it is written by hand;
 * a test fails when the committed file differs from what this produces.
 */
public final class MetricCatalogue {
  private MetricCatalogue() {}

  /** The metrics the core adds to every exporter, by group. */
  public static List<Group> coreGroups(List<MetricDef> webMetrics) {
    return List.of(
        new Group("self", "Build, start and config reloads", SelfMetrics.METRICS),
        new Group("runtime", "How each collector did in this scrape", CollectorRuntime.METRICS),
        new Group("web", "Web security", webMetrics));
  }

  /** A titled list of metrics. */
  public record Group(String name, String help, List<MetricDef> metrics) {}

  public static String markdown(List<ExporterDefinition> exporters, List<Group> core) {
    StringBuilder out = new StringBuilder();
    out.append("# Metric catalogue\n\n")
        .append("Generated from the code by `saypro-monitor catalogue` (see `MetricCatalogueTest`); do not edit by hand.\n")
        .append("Every exporter also serves client_java's JVM metrics (`jvm_*`, `process_*`) unless `jvm_metrics: false`;\n")
        .append("under `all` they are served once, by the suite endpoint.\n\n");
    out.append("## Every exporter\n\n");
    for (Group group : core) {
      if (!group.metrics().isEmpty()) {
        out.append("### ").append(group.name()).append(": ").append(group.help()).append("\n\n");
        table(out, group.metrics());
      }
    }
    for (ExporterDefinition exporter : exporters) {
      out.append("## ").append(exporter.name()).append(" (port ").append(exporter.defaultPort()).append(")\n\n")
          .append(exporter.description()).append(".\n\n");
      for (CollectorSpec spec : exporter.collectors()) {
        out.append("### collector `").append(spec.name()).append("`")
            .append(spec.enabledByDefault() ? "" : " (disabled by default)").append("\n\n")
            .append(spec.help()).append(".\n\n");
        table(out, spec.metrics());
      }
    }
    return out.toString();
  }

  private static void table(StringBuilder out, List<MetricDef> metrics) {
    out.append("| metric | type | labels | meaning |\n|---|---|---|---|\n");
    List<MetricDef> sorted = new ArrayList<>(metrics);
    for (MetricDef def : sorted) {
      out.append("| `").append(def.name()).append("` | ").append(def.type().name().toLowerCase(Locale.ROOT))
          .append(" | ").append(def.labelNames().isEmpty() ? "" : "`" + String.join("`, `", def.labelNames()) + "`")
          .append(" | ").append(def.help().replace("|", "\\|")).append(" |\n");
    }
    out.append('\n');
  }
}
