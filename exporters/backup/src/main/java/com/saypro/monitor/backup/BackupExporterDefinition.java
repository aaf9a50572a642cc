package com.saypro.monitor.backup;

import com.saypro.monitor.backup.collectors.DrillsCollector;
import com.saypro.monitor.backup.collectors.JobsCollector;
import com.saypro.monitor.backup.config.BackupConfig;
import com.saypro.monitor.backup.config.BackupConfigReader;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import java.util.List;

/** Backup outcomes, freshness, integrity, and restore drills that prove recovery works. */
public final class BackupExporterDefinition implements ExporterDefinition {
  @Override
  public String name() {
    return "backup";
  }

  @Override
  public String description() {
    return "backup outcomes, freshness and integrity, and restore drills that prove recovery works";
  }

  @Override
  public int defaultPort() {
    return 9814;
  }

  @Override
  public List<CollectorSpec> collectors() {
    return List.of(JobsCollector.SPEC, DrillsCollector.SPEC);
  }

  @Override
  public String defaultConfigResource() {
    return "/com/saypro/monitor/backup/default-config.yml";
  }

  @Override
  public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
    BackupConfig backup = new BackupConfigReader(context.configDirectory(), context.secretFiles()).read(config);
    return BackupExporter.start(backup, context);
  }
}
