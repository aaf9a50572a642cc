package com.saypro.monitor.database;

import com.saypro.monitor.core.collect.CollectorRuntime;
import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.collect.ScrapeDeadlinePolicy;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.Route;
import com.saypro.monitor.database.checks.CheckConfig;
import com.saypro.monitor.database.checks.ChecksCollector;
import com.saypro.monitor.database.collectors.FanOutCollector;
import com.saypro.monitor.database.collectors.SharedRead;
import com.saypro.monitor.database.collectors.TargetCollector;
import com.saypro.monitor.database.config.DatabaseConfig;
import com.saypro.monitor.database.config.TargetConfig;
import com.saypro.monitor.database.targets.DatabaseTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database exporter, running: one pool per target, one instance of each enabled collector per
 * target, and two views of them. {@code /metrics} runs each collector over every target; {@code
 * /probe?target=NAME} has a collector runtime per target, so each target gets its own deadlines,
 * success metrics and caching. Both views share the per-target collector instances (and so the
 * checks' cached results and the ping histograms).
 */
final class DatabaseExporter implements Exporter {
  private final List<DatabaseTarget> targets;
  private final Map<String, SayproCollector> collectors;
  private final Map<String, CollectorRuntime> probeRuntimes;
  private final Map<String, ChecksCollector> checks;
  private final CollectorWorkers probeWorkers;
  private final ExecutorService fanOut;
  private final ScrapeDeadlinePolicy policy;
  private final List<MetricDef> ownMetrics;

  private DatabaseExporter(
      List<DatabaseTarget> targets,
      Map<String, SayproCollector> collectors,
      Map<String, CollectorRuntime> probeRuntimes,
      Map<String, ChecksCollector> checks,
      CollectorWorkers probeWorkers,
      ExecutorService fanOut,
      ScrapeDeadlinePolicy policy,
      List<MetricDef> ownMetrics) {
    this.targets = targets;
    this.collectors = collectors;
    this.probeRuntimes = probeRuntimes;
    this.checks = checks;
    this.probeWorkers = probeWorkers;
    this.fanOut = fanOut;
    this.policy = policy;
    this.ownMetrics = List.copyOf(ownMetrics);
  }

  /** Opens the pools (which connect lazily, so a down database does not stop the start). */
  static DatabaseExporter start(DatabaseConfig config, ExporterContext context, ScrapeDeadlinePolicy policy) {
    List<DatabaseTarget> targets = new ArrayList<>();
    ExecutorService fanOut = Executors.newCachedThreadPool(daemonThreads());
    CollectorWorkers probeWorkers = new CollectorWorkers();
    List<MetricDef> ownMetrics = config.checks().stream().flatMap(c -> c.metric().stream()).toList();
    Map<String, List<MetricDef>> configured =
        ownMetrics.isEmpty() ? Map.of() : Map.of(ChecksCollector.SPEC.name(), ownMetrics);
    try {
      for (TargetConfig target : config.targets()) {
        targets.add(new DatabaseTarget(target));
      }
      Map<String, ChecksCollector> checks = new LinkedHashMap<>();
      Map<String, Map<String, TargetCollector>> perTarget = new LinkedHashMap<>();
      for (DatabaseTarget target : targets) {
        ChecksCollector targetChecks = new ChecksCollector(checksFor(config, target), context.clock());
        checks.put(target.name(), targetChecks);
        SharedRead shared = new SharedRead(target);
        Map<String, TargetCollector> enabled = enabled(context, CollectorCatalog.instances(config, targetChecks, shared));
        for (TargetCollector collector : enabled.values()) {
          if (collector instanceof SharedRead.Reader reader) {
            shared.include(reader); // only the enabled collectors' reads
          }
        }
        perTarget.put(target.name(), enabled);
      }
      Map<String, SayproCollector> all = new LinkedHashMap<>();
      for (String name : CollectorCatalog.names()) {
        if (!context.enabled(name)) {
          continue;
        }
        List<TargetCollector> instances = new ArrayList<>();
        for (DatabaseTarget target : targets) {
          instances.add(perTarget.get(target.name()).get(name));
        }
        all.put(name, new FanOutCollector(targets, instances, fanOut));
      }
      Map<String, CollectorRuntime> probes = new LinkedHashMap<>();
      for (DatabaseTarget target : targets) {
        Map<String, SayproCollector> one = new LinkedHashMap<>();
        perTarget.get(target.name()).forEach((name, instance) ->
            one.put(name, new FanOutCollector(List.of(target), List.of(instance), fanOut)));
        probes.put(target.name(), context.collectors().runtime(one, configured, policy, context.clock(), probeWorkers));
      }
      return new DatabaseExporter(targets, all, probes, checks, probeWorkers, fanOut, policy, ownMetrics);
    } catch (RuntimeException e) {
      targets.forEach(DatabaseTarget::close);
      probeWorkers.close();
      fanOut.shutdownNow();
      throw e;
    }
  }

  private static List<CheckConfig> checksFor(DatabaseConfig config, DatabaseTarget target) {
    return config.checks().stream().filter(c -> c.runsOn(target.name(), target.engine())).toList();
  }

  private static Map<String, TargetCollector> enabled(ExporterContext context, Map<String, TargetCollector> all) {
    Map<String, TargetCollector> out = new LinkedHashMap<>();
    all.forEach((name, collector) -> {
      if (context.enabled(name)) {
        out.put(name, collector);
      }
    });
    return out;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "database-target-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public Map<String, SayproCollector> collectors() {
    return collectors;
  }

  /** Gauge checks with their own {@code metric:} name, declared so the core accepts them from {@code checks}. */
  @Override
  public Map<String, List<MetricDef>> configuredMetrics() {
    return ownMetrics.isEmpty() ? Map.of() : Map.of(ChecksCollector.SPEC.name(), ownMetrics);
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route("/probe", "one target's metrics: /probe?target=NAME (configured names only)",
        new ProbeHandler(probeRuntimes, policy)));
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    if (targets.isEmpty()) {
      lines.add("no targets configured");
    }
    for (DatabaseTarget target : targets) {
      lines.add(target.describe());
      lines.addAll(checks.get(target.name()).describe(target.name()));
    }
    return lines;
  }

  /** The targets, for tests that check what the pools hold. */
  List<DatabaseTarget> targets() {
    return targets;
  }

  @Override
  public void close() {
    probeRuntimes.values().forEach(CollectorRuntime::close);
    probeWorkers.close();
    fanOut.shutdownNow();
    targets.forEach(DatabaseTarget::close);
  }
}
