package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.CollectorRuntime;

/**
 * One loaded config: the exporter built from it and the runtime running its collectors. Reload
 * builds a new one and swaps it in whole; the old one is then closed.
 */
public record LoadedExporter(Exporter exporter, CollectorRuntime runtime, boolean jvmMetrics)
    implements AutoCloseable {
  @Override
  public void close() {
    runtime.close();
    exporter.close();
  }
}
