package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.marketplace.availability.AvailabilityCheck;
import com.saypro.monitor.marketplace.journey.Journey;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole marketplace exporter config, read and validated.
 *
 * @param startDelay how long after start (or reload) the first background runs begin
 * @param dnsServer the DNS server to query directly, or empty for the system resolver
 * @param bucketBounds upper bounds of the duration histograms
 */
public record MarketplaceConfig(
    Duration startDelay,
    Optional<InetSocketAddress> dnsServer,
    double[] bucketBounds,
    HttpDefaults http,
    List<Journey> journeys,
    List<AvailabilityCheck> checks) {
  public MarketplaceConfig {
    bucketBounds = bucketBounds.clone();
    journeys = List.copyOf(journeys);
    checks = List.copyOf(checks);
  }

  @Override
  public double[] bucketBounds() {
    return bucketBounds.clone();
  }
}
