package com.saypro.monitor.marketplace;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.marketplace.availability.AvailabilityCollector;
import com.saypro.monitor.marketplace.config.MarketplaceConfig;
import com.saypro.monitor.marketplace.config.MarketplaceConfigReader;
import com.saypro.monitor.marketplace.journey.JourneyCollector;
import java.time.Duration;
import java.util.List;

/**
 * The {@code marketplace} exporter: the marketplace measured from the outside, as customers feel
 * it. Synthetic multi-step journeys (home, search, product, cart, checkout, pay) with the HTTP
 * phases of every step, and availability checks of every critical service.
 */
public final class MarketplaceExporter implements ExporterDefinition {
  static final String JOURNEYS = "journeys";
  static final String AVAILABILITY = "availability";

  @Override
  public String name() {
    return "marketplace";
  }

  @Override
  public String description() {
    return "Synthetic user journeys and availability checks of the marketplace, with per-phase HTTP timings";
  }

  @Override
  public int defaultPort() {
    return 9813;
  }

  @Override
  public List<CollectorSpec> collectors() {
    return List.of(
        new CollectorSpec(JOURNEYS, "Multi-step user journeys: attempts, failures by step and reason, durations, phases",
            true, Duration.ZERO, JourneyCollector.METRICS),
        new CollectorSpec(AVAILABILITY, "Availability checks: up, status, latency, certificate expiry, per address",
            true, Duration.ZERO, AvailabilityCollector.METRICS));
  }

  @Override
  public String defaultConfigResource() {
    return "/com/saypro/monitor/marketplace/default-config.yml";
  }

  @Override
  public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
    MarketplaceConfig read = new MarketplaceConfigReader(context.configDirectory()).read(config);
    return new MarketplaceProber(read, context);
  }
}
