package com.saypro.monitor.network;

import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.Route;
import com.saypro.monitor.network.config.DnsQueryConfig;
import com.saypro.monitor.network.config.NetworkConfig;
import com.saypro.monitor.network.config.PoolConfig;
import com.saypro.monitor.network.config.TargetConfig;
import com.saypro.monitor.network.config.ZoneConfig;
import com.saypro.monitor.network.dns.DnsChecker;
import com.saypro.monitor.network.dns.DnsCollector;
import com.saypro.monitor.network.dns.DnsServerLookup;
import com.saypro.monitor.network.dns.DnsStats;
import com.saypro.monitor.network.dns.SystemLookup;
import com.saypro.monitor.network.interfaces.InterfaceCollector;
import com.saypro.monitor.network.latency.HostLookup;
import com.saypro.monitor.network.latency.LatencyCollector;
import com.saypro.monitor.network.latency.LatencyStats;
import com.saypro.monitor.network.latency.PinnedAddresses;
import com.saypro.monitor.network.latency.TargetProber;
import com.saypro.monitor.network.pools.PoolChecker;
import com.saypro.monitor.network.pools.PoolCollector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running network exporter: probes, DNS checks and pool checks scheduled in the background,
 * their latest results served by the collectors (a scrape never waits for the network), interface
 * counters read at scrape time, and {@code /probe} for one target's burst on demand. A reload
 * replaces it whole: counters start again, and target names are resolved and pinned again.
 */
final class NetworkProber implements Exporter {
  private final NetworkConfig config;
  private final Map<String, SayproCollector> collectors = new LinkedHashMap<>();
  private final Map<String, TargetProber> probers = new LinkedHashMap<>();
  private final ProbeScheduler scheduler;
  private final ExecutorService poolChecks;
  private final Route probe;

  NetworkProber(NetworkConfig config, ExporterContext context, ScrapeDeadlinePolicy policy) {
    this.config = config;
    Clock clock = context.clock();
    for (TargetConfig target : config.targets()) {
      HostLookup lookup = target.resolver().<HostLookup>map(r -> new DnsServerLookup(r.address())).orElse(new SystemLookup());
      probers.put(target.name(), new TargetProber(target, new PinnedAddresses(target, lookup)));
    }
    AtomicInteger threads = new AtomicInteger();
    this.poolChecks = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "network-pool-check-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.scheduler = new ProbeScheduler(config.targets().size() + config.queries().size() + config.zones().size()
        + config.pools().size());
    this.probe = new Route("/probe", "one burst against a configured target now: /probe?target=NAME",
        new ProbeHandler(probers, config.rttBuckets(), policy, clock));

    if (context.enabled(NetworkExporter.LATENCY)) {
      List<String> names = config.targets().stream().map(TargetConfig::name).toList();
      LatencyStats stats = new LatencyStats(config.rttBuckets(), names);
      collectors.put(NetworkExporter.LATENCY, new LatencyCollector(stats, config.targets()));
      for (TargetProber prober : probers.values()) {
        TargetConfig target = prober.target();
        scheduler.every("target " + target.name(), target.interval(), () -> {
          long deadline = System.nanoTime() + target.interval().toNanos();
          stats.record(target.name(), prober.burst(deadline), clock.instant());
        });
      }
    }
    if (context.enabled(NetworkExporter.DNS)) {
      DnsStats stats = new DnsStats(config.rttBuckets());
      collectors.put(NetworkExporter.DNS, new DnsCollector(stats, config.queries(), config.zones()));
      for (DnsQueryConfig query : config.queries()) {
        scheduler.every("query " + query.name(), query.interval(), () -> stats.record(query.name(), DnsChecker.check(query)));
      }
      for (ZoneConfig zone : config.zones()) {
        scheduler.every("zone " + zone.zone(), zone.interval(), () -> {
          Map<String, OptionalLong> serials = new LinkedHashMap<>();
          for (ZoneConfig.Nameserver ns : zone.nameservers()) {
            serials.put(ns.name(), DnsChecker.serial(zone, ns));
          }
          stats.recordZone(zone.zone(), serials);
        });
      }
    }
    if (context.enabled(NetworkExporter.INTERFACES)) {
      collectors.put(NetworkExporter.INTERFACES, new InterfaceCollector(config.interfaces()));
    }
    if (context.enabled(NetworkExporter.POOLS)) {
      PoolCollector pools = new PoolCollector(config.pools());
      PoolChecker checker = new PoolChecker(poolChecks);
      collectors.put(NetworkExporter.POOLS, pools);
      for (PoolConfig pool : config.pools()) {
        scheduler.every("pool " + pool.name(), pool.interval(),
            () -> pools.record(pool.name(), checker.check(pool), clock.millis() / 1000.0));
      }
    }
  }

  @Override
  public Map<String, SayproCollector> collectors() {
    return collectors;
  }

  @Override
  public List<Route> routes() {
    return List.of(probe);
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    config.resolvers().forEach(r -> lines.add("resolver " + r.name() + ": " + r.describe()));
    config.targets().forEach(t -> lines.add(t.describe()));
    config.queries().forEach(q -> lines.add("query " + q.name() + ": " + q.query() + " "
        + org.xbill.DNS.Type.string(q.type()) + " via " + q.resolver().name()
        + (q.expected().isEmpty() ? "" : ", expecting " + String.join(" ", q.expected()))));
    config.zones().forEach(z -> lines.add("zone " + z.zone() + ": SOA serial on "
        + String.join(", ", z.nameservers().stream().map(ZoneConfig.Nameserver::name).toList())));
    config.pools().forEach(p -> lines.add("pool " + p.name() + ": " + p.backends().size() + " backends, "
        + p.required() + " required, service " + p.service().describe()));
    lines.add("interfaces: " + config.interfaces().procNetDev() + ", include /" + config.interfaces().include()
        + "/, exclude /" + config.interfaces().exclude() + "/");
    return lines;
  }

  @Override
  public void close() {
    scheduler.close();
    poolChecks.shutdownNow();
  }
}
