package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.exporter.RunningExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code all} command's own endpoint (port 9810 by default): a page linking to every exporter
 * of the JVM, the JVM's metrics (once, not once per exporter) and whether each exporter is up.
 *
 * <pre>
 * saypro_suite_exporter_up{exporter="database"} 1.0
 * </pre>
 */
public final class SuiteExporter implements ExporterDefinition {
  public static final MetricDef EXPORTER_UP =
      MetricDef.gauge("saypro_suite_exporter_up", "1 if the exporter of this JVM is serving, 0 if it is stopping.", "exporter");

  private final Supplier<List<RunningExporter>> members;

  public SuiteExporter(Supplier<List<RunningExporter>> members) {
    this.members = members;
  }

  @Override
  public String name() {
    return "suite";
  }

  @Override
  public String description() {
    return "Every SayPro Monitor exporter of this JVM, with the JVM's own metrics";
  }

  @Override
  public int defaultPort() {
    return SuiteConfig.DEFAULT_PORT;
  }

  @Override
  public List<CollectorSpec> collectors() {
    return List.of(CollectorSpec.of("exporters", "Whether each exporter of this JVM is serving", EXPORTER_UP));
  }

  @Override
  public Exporter create(ConfigNode config, ExporterContext context) {
    SayproCollector up = ctx -> {
      MetricDef.Points points = EXPORTER_UP.points();
      for (RunningExporter member : members.get()) {
        points.add(member.ready() ? 1 : 0, member.name());
      }
      return List.of(points.build());
    };
    return new Exporter() {
      @Override
      public Map<String, SayproCollector> collectors() {
        return context.enabled("exporters") ? Map.of("exporters", up) : Map.of();
      }

      @Override
      public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (RunningExporter member : members.get()) {
          lines.add(member.name() + " exporter on port " + member.port() + ": " + member.description());
        }
        return lines;
      }
    };
  }
}
