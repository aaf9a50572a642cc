package com.saypro.monitor.marketplace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.Route;
import com.saypro.monitor.marketplace.availability.AvailabilityCheck;
import com.saypro.monitor.marketplace.availability.AvailabilityChecker;
import com.saypro.monitor.marketplace.availability.AvailabilityCollector;
import com.saypro.monitor.marketplace.availability.AvailabilityStats;
import com.saypro.monitor.marketplace.availability.CheckResult;
import com.saypro.monitor.marketplace.config.MarketplaceConfig;
import com.saypro.monitor.marketplace.http.Deadline;
import com.saypro.monitor.marketplace.http.DnsServerResolver;
import com.saypro.monitor.marketplace.http.HostResolver;
import com.saypro.monitor.marketplace.http.HttpProbeClient;
import com.saypro.monitor.marketplace.http.SystemResolver;
import com.saypro.monitor.marketplace.journey.Journey;
import com.saypro.monitor.marketplace.journey.JourneyCollector;
import com.saypro.monitor.marketplace.journey.JourneyResult;
import com.saypro.monitor.marketplace.journey.JourneyRunner;
import com.saypro.monitor.marketplace.journey.JourneyStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running marketplace exporter: journeys and checks scheduled in the background, their stats
 * served by the {@code journeys} and {@code availability} collectors, and {@code /probe} for runs on
 * demand. A reload replaces it whole (counters start again from zero, as after a restart).
 */
final class MarketplaceProber implements Exporter {
  private static final Logger log = LoggerFactory.getLogger(MarketplaceProber.class);

  private final MarketplaceConfig config;
  private final ExecutorService lookups;
  private final JourneyStats journeyStats;
  private final AvailabilityStats checkStats;
  private final JourneyRunner runner;
  private final AvailabilityChecker checker;
  private final Map<String, SayproCollector> collectors = new LinkedHashMap<>();
  private final Route probe;
  private final ProbeScheduler scheduler;

  MarketplaceProber(MarketplaceConfig config, ExporterContext context) {
    this.config = config;
    AtomicInteger threads = new AtomicInteger();
    this.lookups = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "marketplace-dns-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    HostResolver resolver = config.dnsServer().<HostResolver>map(DnsServerResolver::new).orElse(new SystemResolver(lookups));
    HttpProbeClient client = new HttpProbeClient(resolver, config.http().userAgent());
    ObjectMapper json = new ObjectMapper();
    this.runner = new JourneyRunner(client, json, context.clock());
    this.checker = new AvailabilityChecker(client, resolver, json, context.clock());
    this.journeyStats = new JourneyStats(config.journeys(), config.bucketBounds());
    this.checkStats = new AvailabilityStats(config.checks(), config.bucketBounds());
    boolean journeysOn = context.enabled(MarketplaceExporter.JOURNEYS);
    boolean checksOn = context.enabled(MarketplaceExporter.AVAILABILITY);
    if (journeysOn) {
      collectors.put(MarketplaceExporter.JOURNEYS, new JourneyCollector(journeyStats));
    }
    if (checksOn) {
      collectors.put(MarketplaceExporter.AVAILABILITY, new AvailabilityCollector(checkStats));
    }
    Map<String, Journey> journeys = new LinkedHashMap<>();
    config.journeys().forEach(j -> journeys.put(j.name(), j));
    Map<String, AvailabilityCheck> checks = new LinkedHashMap<>();
    config.checks().forEach(c -> checks.put(c.name(), c));
    this.probe = new Route("/probe", "run a journey (?journey=NAME) or a check (?check=NAME) now; &debug=true explains",
        new ProbeHandler(journeys, checks, runner, journeyStats, checker, checkStats));
    this.scheduler = new ProbeScheduler(config.journeys().size() + config.checks().size());
    if (journeysOn) {
      config.journeys().stream().filter(Journey::scheduled).forEach(this::schedule);
    }
    if (checksOn) {
      config.checks().stream().filter(AvailabilityCheck::scheduled).forEach(this::schedule);
    }
  }

  private void schedule(Journey journey) {
    scheduler.every("journey " + journey.name(), journey.interval(), config.startDelay(), () -> {
      JourneyResult result = runner.run(journey, Deadline.after(journey.timeout()));
      journeyStats.record(result);
      result.failedStep().ifPresent(step -> log.debug("journey {} failed at step {} ({}): {}",
          journey.name(), step.step(), step.failure().get().label(), step.detail()));
    });
  }

  private void schedule(AvailabilityCheck check) {
    // a run may take every attempt's timeout and delay, but never more than the interval
    scheduler.every("check " + check.name(), check.interval(), config.startDelay(), () -> {
      try {
        CheckResult result = checker.run(check, Deadline.after(check.interval()));
        checkStats.record(result);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
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
    lines.add("resolver: " + config.dnsServer().map(a -> "DNS server " + a.getAddress().getHostAddress() + ":" + a.getPort())
        .orElse("system (JVM-cached)"));
    for (Journey journey : config.journeys()) {
      lines.add("journey " + journey.name() + ": " + String.join(" > ", journey.stepNames())
          + (journey.scheduled() ? ", every " + journey.interval().toSeconds() + " s" : ", on demand only"));
    }
    for (AvailabilityCheck check : config.checks()) {
      lines.add("check " + check.name() + ": " + check.method() + " " + check.url().getScheme() + "://"
          + check.url().getHost() + (check.url().getPort() < 0 ? "" : ":" + check.url().getPort())
          + ", retries " + check.retries() + (check.allAddresses() ? ", every address" : ""));
    }
    return lines;
  }

  @Override
  public void close() {
    scheduler.close();
    lookups.shutdownNow();
  }
}
