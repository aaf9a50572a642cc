package com.saypro.monitor.sla;

import com.saypro.monitor.core.catalogue.MetricCatalogue;
import com.saypro.monitor.core.cli.Commands;
import com.saypro.monitor.core.cli.SuiteExporter;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.web.WebSecurity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every metric name the SayPro exporters produce, from their own declarations (the same source as
 * docs/METRICS.md), histogram series included.
 */
final class Catalogue {
  private Catalogue() {}

  static List<ExporterDefinition> exporters() {
    List<ExporterDefinition> all = new ArrayList<>(Commands.discover());
    all.add(new SuiteExporter(List::of));
    return all;
  }

  static Set<String> exporterNames() {
    Set<String> names = new TreeSet<>();
    exporters().forEach(e -> names.add(e.name()));
    return names;
  }

  static Set<String> metrics() {
    Set<String> names = new TreeSet<>();
    for (ExporterDefinition exporter : exporters()) {
      for (CollectorSpec spec : exporter.collectors()) {
        spec.metrics().forEach(def -> names.addAll(def.exposedNames()));
      }
    }
    for (MetricCatalogue.Group group : MetricCatalogue.coreGroups(WebSecurity.METRICS)) {
      group.metrics().stream().map(MetricDef::exposedNames).forEach(names::addAll);
    }
    return names;
  }

  /**
   * The label names each SayPro series carries as scraped: the declared ones, {@code le} on histogram
   * buckets, and the target labels Prometheus adds ({@code job}, {@code instance}).
   */
  static Map<String, Set<String>> labels() {
    Map<String, Set<String>> labels = new TreeMap<>();
    List<MetricDef> defs = new ArrayList<>();
    for (ExporterDefinition exporter : exporters()) {
      exporter.collectors().forEach(spec -> defs.addAll(spec.metrics()));
    }
    MetricCatalogue.coreGroups(WebSecurity.METRICS).forEach(group -> defs.addAll(group.metrics()));
    for (MetricDef def : defs) {
      for (String exposed : def.exposedNames()) {
        Set<String> names = labels.computeIfAbsent(exposed, k -> new LinkedHashSet<>(List.of("job", "instance")));
        names.addAll(def.labelNames());
        if (exposed.endsWith("_bucket") && def.type() == MetricDef.Type.HISTOGRAM) {
          names.add("le");
        }
      }
    }
    return labels;
  }
}
