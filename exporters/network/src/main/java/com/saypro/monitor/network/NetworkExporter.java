package com.saypro.monitor.network;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.network.config.NetworkConfig;
import com.saypro.monitor.network.config.NetworkConfigReader;
import com.saypro.monitor.network.dns.DnsCollector;
import com.saypro.monitor.network.interfaces.InterfaceCollector;
import com.saypro.monitor.network.latency.LatencyCollector;
import com.saypro.monitor.network.latency.RawSockets;
import com.saypro.monitor.network.pools.PoolCollector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code network} exporter: latency, loss and jitter of configured targets (smokeping-style
 * bursts of TCP connects or ICMP echoes), DNS answers and SOA agreement, interface bandwidth and
 * utilisation, and redundancy of load-balanced pools.
 */
public final class NetworkExporter implements ExporterDefinition {
  static final String LATENCY = "latency";
  static final String DNS = "dns";
  static final String INTERFACES = "interfaces";
  static final String POOLS = "pools";

  @Override
  public String name() {
    return "network";
  }

  @Override
  public String description() {
    return "Latency, loss and jitter, DNS answers and SOA agreement, interface bandwidth, pool redundancy";
  }

  @Override
  public int defaultPort() {
    return 9815;
  }

  @Override
  public List<CollectorSpec> collectors() {
    return List.of(
        new CollectorSpec(LATENCY, "Background probe bursts per target: RTT histogram, loss, jitter, per address",
            true, Duration.ZERO, LatencyCollector.METRICS),
        new CollectorSpec(DNS, "Background DNS checks: duration, rcode, expected answer, TTL, AD bit, SOA serials",
            true, Duration.ZERO, DnsCollector.METRICS),
        new CollectorSpec(INTERFACES, "Interface counters from /proc/net/dev and utilisation of the link speed",
            true, Duration.ZERO, InterfaceCollector.METRICS),
        new CollectorSpec(POOLS, "Background health checks of load-balanced pools: healthy backends, redundancy",
            true, Duration.ZERO, PoolCollector.METRICS));
  }

  @Override
  public String defaultConfigResource() {
    return "/com/saypro/monitor/network/default-config.yml";
  }

  @Override
  public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
    NetworkConfig network = new NetworkConfigReader(RawSockets.allowed()).read(config);
    return new NetworkProber(network, context, scrapePolicy(config));
  }

  /** {@code /probe} answers within the same budget as {@code /metrics}: the same {@code scrape} keys. */
  private static ScrapeDeadlinePolicy scrapePolicy(ConfigNode root) throws ConfigException {
    Optional<ConfigNode> scrape = root.get("scrape");
    if (scrape.isEmpty()) {
      return ScrapeDeadlinePolicy.DEFAULT;
    }
    ConfigNode node = scrape.get().asMap();
    Duration offset = node.duration("timeout_offset", ScrapeDeadlinePolicy.DEFAULT.offset());
    Duration fallback = node.positiveDuration("default_timeout", ScrapeDeadlinePolicy.DEFAULT.defaultBudget());
    return new ScrapeDeadlinePolicy(offset, fallback);
  }
}
