package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.CollectorSet;
import com.saypro.monitor.core.config.SecretFiles;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What an exporter is given to build itself: which collectors are enabled, the clock, where
 * relative paths in its config resolve, and how to read {@code *_file} secrets.
 *
 * @param oneShot the exporter runs once ({@code --one-shot}): {@link ExporterDefinition#create}
 *     finishes its work before returning, starts nothing in the background and persists nothing;
 *     one collection is then printed and the process exits
 */
public record ExporterContext(CollectorSet collectors, Clock clock, Path configDirectory, boolean oneShot) {
  /** For a long-running exporter. */
  public ExporterContext(CollectorSet collectors, Clock clock, Path configDirectory) {
    this(collectors, clock, configDirectory, false);
  }

  public SecretFiles secretFiles() {
    return new SecretFiles(configDirectory);
  }

  public boolean enabled(String collector) {
    return collectors.enabled(collector);
  }
}
