package com.saypro.monitor.incidents;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.incidents.config.IncidentsConfig;
import com.saypro.monitor.incidents.metrics.HeartbeatCollector;
import com.saypro.monitor.incidents.metrics.IncidentCountCollector;
import com.saypro.monitor.incidents.metrics.ReceiverCollector;
import com.saypro.monitor.incidents.metrics.SilenceCollector;
import com.saypro.monitor.incidents.metrics.SlaCollector;
import com.saypro.monitor.incidents.store.SharedStores;
import java.util.List;

/**
 * The incident exporter: receives Alertmanager's webhook, keeps incidents durably, learns
 * acknowledgements from silences and its own API, and exports response and resolution times
 * against the SLA.
 */
public final class IncidentsExporter implements ExporterDefinition {
  /** Open stores outlive one config: a reload borrows the store the previous config used. */
  private final SharedStores stores = new SharedStores();

  @Override
  public String name() {
    return "incidents";
  }

  @Override
  public String description() {
    return "Alert response and resolution times against the SLA, from Alertmanager's webhook and silences";
  }

  @Override
  public int defaultPort() {
    return 9817;
  }

  @Override
  public List<CollectorSpec> collectors() {
    return List.of(IncidentCountCollector.SPEC, SlaCollector.SPEC, HeartbeatCollector.SPEC, ReceiverCollector.SPEC,
        SilenceCollector.SPEC);
  }

  @Override
  public String defaultConfigResource() {
    return "/com/saypro/monitor/incidents/defaults.yml";
  }

  @Override
  public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
    return IncidentsService.start(IncidentsConfig.read(config, context), stores, context);
  }
}
