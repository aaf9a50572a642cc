package com.saypro.monitor.database;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.database.checks.ChecksCollector;
import com.saypro.monitor.database.collectors.ActivityCollector;
import com.saypro.monitor.database.collectors.CacheCollector;
import com.saypro.monitor.database.collectors.ConnectionsCollector;
import com.saypro.monitor.database.collectors.MysqlCollector;
import com.saypro.monitor.database.collectors.PostgresCollector;
import com.saypro.monitor.database.collectors.ReplicationCollector;
import com.saypro.monitor.database.collectors.SharedRead;
import com.saypro.monitor.database.collectors.SizesCollector;
import com.saypro.monitor.database.collectors.TargetCollector;
import com.saypro.monitor.database.collectors.UpCollector;
import com.saypro.monitor.database.config.DatabaseConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every collector of the database exporter, in the order the landing page lists them. */
final class CollectorCatalog {
  static final List<CollectorSpec> SPECS = List.of(
      UpCollector.SPEC,
      ConnectionsCollector.SPEC,
      ActivityCollector.SPEC,
      CacheCollector.SPEC,
      ReplicationCollector.SPEC,
      SizesCollector.SPEC,
      PostgresCollector.SPEC,
      MysqlCollector.SPEC,
      ChecksCollector.SPEC);

  private CollectorCatalog() {}

  static List<String> names() {
    return SPECS.stream().map(CollectorSpec::name).toList();
  }

  /**
   * A fresh instance of every collector for one target (collectors with state keep it per target);
   * the health collectors read through the target's {@code shared} read.
   */
  static Map<String, TargetCollector> instances(DatabaseConfig config, ChecksCollector checks, SharedRead shared) {
    Map<String, TargetCollector> out = new LinkedHashMap<>();
    for (TargetCollector collector : List.of(
        new UpCollector(shared),
        new ConnectionsCollector(shared),
        new ActivityCollector(config.slowQueryThreshold(), shared),
        new CacheCollector(shared),
        new ReplicationCollector(shared),
        new SizesCollector(config.topTables()),
        new PostgresCollector(config.topTables()),
        new MysqlCollector(shared),
        checks)) {
      out.put(collector.spec().name(), collector);
    }
    return out;
  }
}
