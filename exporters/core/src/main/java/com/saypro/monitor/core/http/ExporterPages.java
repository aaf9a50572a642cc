package com.saypro.monitor.core.http;

import com.saypro.monitor.core.collect.CollectorRuntime;
import com.saypro.monitor.core.exporter.Route;
import java.util.List;

/**
 * What the HTTP layer needs from a running exporter: its current state for the landing page and
 * routes, and a way to reload it. Implemented by {@link com.saypro.monitor.core.exporter.RunningExporter}.
 */
public interface ExporterPages {
  String name();

  String description();

  String version();

  CollectorRuntime runtime();

  List<Route> routes();

  List<String> configSummary();

  boolean ready();

  /** Re-reads the config; returns empty on success or the reason it was refused. */
  java.util.Optional<String> reload();
}
