package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.CollectorRuntime;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.http.ExporterPages;
import com.saypro.monitor.core.http.HttpServers;
import com.saypro.monitor.core.web.WebSecurity;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exporter, started: its config loaded, its registry assembled, its web server listening.
 * {@link #reload()} swaps in a new config whole, or keeps the running one and counts the failure.
 */
public final class RunningExporter implements ExporterPages, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningExporter.class);

  private final ExporterOptions options;
  private final ExporterLoader loader;
  private final AtomicReference<LoadedExporter> current;
  private final SelfMetrics selfMetrics;
  private final WebSecurity web;
  private final PrometheusRegistry registry;
  private final Server server;
  private volatile boolean ready;

  private RunningExporter(
      ExporterOptions options,
      ExporterLoader loader,
      LoadedExporter first,
      WebSecurity web,
      PrometheusRegistry registry,
      SelfMetrics selfMetrics)
      throws ConfigException {
    this.options = options;
    this.loader = loader;
    this.current = new AtomicReference<>(first);
    this.web = web;
    this.registry = registry;
    this.selfMetrics = selfMetrics;
    registry.register(selfMetrics);
    registry.register(web.metrics());
    registry.register(new CurrentRuntime(current));
    if (first.jvmMetrics()) {
      JvmMetrics.builder().register(registry);
    }
    this.server =
        HttpServers.start(options.listenAddress(), web, registry, this, options.threadPool());
    this.ready = true;
  }

  /** Validates everything (config, web config) and starts; fails with one clear message. */
  public static RunningExporter start(ExporterOptions options) throws ConfigException {
    ExporterLoader loader = loader(options);
    WebSecurity web = WebSecurity.load(options.webConfigFile(), options.environment(), options.clock());
    LoadedExporter first =
        options.configNode().isPresent() ? loader.load(options.configNode().get()) : loader.load();
    try {
      SelfMetrics self = new SelfMetrics(options.definition().name(), BuildInfo.current(), options.clock());
      return new RunningExporter(options, loader, first, web, new PrometheusRegistry(), self);
    } catch (ConfigException | RuntimeException e) {
      first.close();
      throw e;
    }
  }

  /** Checks the config and web config without starting anything that listens ({@code --config.check}). */
  public static void check(ExporterOptions options) throws ConfigException {
    WebSecurity.load(options.webConfigFile(), options.environment(), options.clock());
    ExporterLoader loader = loader(options);
    try (LoadedExporter loaded =
        options.configNode().isPresent() ? loader.load(options.configNode().get()) : loader.load()) {
      log.debug("config of {} is valid ({} collectors)", options.definition().name(), loaded.runtime().statuses().size());
    }
  }

  private static ExporterLoader loader(ExporterOptions options) {
    return new ExporterLoader(
        options.definition(),
        options.configFile(),
        new ConfigLoader(options.environment()),
        options.clock(),
        options.workers(),
        options.jvmMetricsDefault());
  }

  @Override
  public synchronized Optional<String> reload() {
    try {
      // Build the new exporter first, then apply the web config, then swap: a reload that fails at
      // any step leaves both the running exporter and the running web config in force.
      LoadedExporter next = loader.load();
      try {
        web.reload();
      } catch (ConfigException | RuntimeException e) {
        next.close();
        throw e;
      }
      if (next.jvmMetrics() != current.get().jvmMetrics()) {
        log.warn("jvm_metrics changes take effect at the next restart");
      }
      LoadedExporter previous = current.getAndSet(next);
      previous.close();
      selfMetrics.reloadSucceeded();
      log.info("config reloaded");
      return Optional.empty();
    } catch (ConfigException e) {
      selfMetrics.reloadFailed();
      log.error("reload failed, previous config kept: {}", e.getMessage());
      return Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      selfMetrics.reloadFailed();
      log.error("reload failed, previous config kept: {}", e.toString());
      return Optional.of(e.getClass().getSimpleName());
    }
  }

  public int port() {
    return HttpServers.port(server);
  }

  /** The base URL to show users: {@code http://host:port/}. */
  public URI uri(String hostForDisplay) {
    return URI.create((web.tlsEnabled() ? "https" : "http") + "://" + hostForDisplay + ":" + port() + "/");
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public SelfMetrics selfMetrics() {
    return selfMetrics;
  }

  @Override
  public String name() {
    return options.definition().name();
  }

  @Override
  public String description() {
    return options.definition().description();
  }

  @Override
  public String version() {
    return BuildInfo.current().version();
  }

  @Override
  public CollectorRuntime runtime() {
    return current.get().runtime();
  }

  @Override
  public List<Route> routes() {
    return current.get().exporter().routes();
  }

  @Override
  public List<String> configSummary() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("config: " + options.configFile().map(Object::toString).orElse("embedded defaults"));
    lines.add("web config: " + options.webConfigFile().map(Object::toString).orElse("none (plain HTTP, no authentication)"));
    lines.addAll(current.get().exporter().describe());
    return lines;
  }

  @Override
  public boolean ready() {
    return ready;
  }

  /** Stops accepting, lets requests in flight finish (up to 5 s), then closes the collectors. */
  @Override
  public void close() {
    ready = false;
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("web server of {} did not stop cleanly: {}", name(), e.toString());
    }
    current.get().close();
  }

  /** Delegates to whichever runtime the current config built, so reload is one atomic swap. */
  private record CurrentRuntime(AtomicReference<LoadedExporter> current) implements MultiCollector {
    @Override
    public MetricSnapshots collect() {
      return current.get().runtime().collect();
    }

    @Override
    public MetricSnapshots collect(PrometheusScrapeRequest request) {
      return current.get().runtime().collect(request);
    }

    @Override
    public MetricSnapshots collect(Predicate<String> includedNames, PrometheusScrapeRequest request) {
      return current.get().runtime().collect(includedNames, request);
    }
  }
}
