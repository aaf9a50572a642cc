package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.catalogue.MetricCatalogue;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.web.WebSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code catalogue}: prints docs/METRICS.md, generated from the exporters' declared metrics. */
@Command(name = "catalogue", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Prints the metric catalogue (docs/METRICS.md) generated from the code.")
public final class CatalogueCommand implements Callable<Integer> {
  private final List<ExporterDefinition> definitions;

  public CatalogueCommand(List<ExporterDefinition> definitions) {
    this.definitions = List.copyOf(definitions);
  }

  /** The catalogue of these exporters plus the suite endpoint. */
  public static String render(List<ExporterDefinition> definitions) {
    List<ExporterDefinition> all = new ArrayList<>(definitions);
    all.add(new SuiteExporter(List::of));
    return MetricCatalogue.markdown(all, MetricCatalogue.coreGroups(WebSecurity.METRICS));
  }

  @Override
  public Integer call() {
    System.out.print(render(definitions));
    System.out.flush();
    return 0;
  }
}
