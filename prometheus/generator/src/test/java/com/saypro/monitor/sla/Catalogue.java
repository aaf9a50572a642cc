package com.saypro.monitor.sla;

import com.saypro.monitor.core.catalogue.MetricCatalogue;
import com.saypro.monitor.core.cli.Commands;
import com.saypro.monitor.core.cli.SuiteExporter;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.web.WebSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every metric name the SayPro exporters produce, from their own declarations (the same source as
 * docs/METRICS.md), histogram series included; plus the contract names of the exporters listed in
 * prometheus/pending-exporters.txt, which are not in this branch yet.
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

  static List<String> pendingExporters(Path root) {
    return lines(root.resolve("prometheus/pending-exporters.txt"));
  }

  /** The contract's names for a pending exporter ({@code saypro_backup_...} for backup). */
  static Set<String> contract(String exporter) {
    try (var in = Catalogue.class.getResourceAsStream("/contract-metrics.txt")) {
      Set<String> names = new TreeSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("saypro_" + exporter + "_")) {
          names.add(line.trim());
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
