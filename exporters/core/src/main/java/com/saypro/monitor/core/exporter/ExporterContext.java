package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.CollectorSet;
import com.saypro.monitor.core.config.SecretFiles;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What an exporter is given to build itself: which collectors are enabled, the clock, where
 * relative paths in its config resolve, and how to read {@code *_file} secrets.
 */
public record ExporterContext(CollectorSet collectors, Clock clock, Path configDirectory) {
  public SecretFiles secretFiles() {
    return new SecretFiles(configDirectory);
  }

  public boolean enabled(String collector) {
    return collectors.enabled(collector);
  }
}
