package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.exporter.ExporterOptions;
import com.saypro.monitor.core.exporter.RunningExporter;
import com.saypro.monitor.core.http.HttpServers;
import com.saypro.monitor.core.http.ListenAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one exporter: {@code saypro-monitor database --config.file=database.yml}. */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false)
public final class ExporterCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ExporterCommand.class);

  private final ExporterDefinition definition;

  @Mixin CommonOptions options;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Name of the flag {@link Commands} adds for exporters with a one-shot mode. */
  static final String ONE_SHOT = "--one-shot";

  public ExporterCommand(ExporterDefinition definition) {
    this.definition = definition;
  }

  public ExporterDefinition definition() {
    return definition;
  }

  @Override
  public Integer call() {
    if (!Runner.setUpLogging(options)) {
      return 1;
    }
    if (options.check()) {
      return Runner.check(options.configFile().map(Object::toString).orElse(definition.name() + " defaults"), () -> {
        options.listenAddress(ListenAddress.anyInterface(definition.defaultPort()));
        try (CollectorWorkers workers = new CollectorWorkers()) {
          RunningExporter.check(options(workers, null));
        }
      });
    }
    if (oneShot()) {
      return OneShot.run(definition, options.configFile(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    return Runner.runUntilStopped(() -> {
      CollectorWorkers workers = new CollectorWorkers();
      QueuedThreadPool pool = HttpServers.threadPool();
      try {
        RunningExporter exporter = RunningExporter.start(options(workers, pool));
        Urls.announce(definition.name(), exporter, options.listenAddress(ListenAddress.anyInterface(definition.defaultPort())));
        return new Runner.Service() {
          @Override
          public void reload() {
            exporter.reload();
          }

          @Override
          public void close() {
            exporter.close();
            workers.close();
            Urls.stopQuietly(pool);
          }
        };
      } catch (ConfigException | RuntimeException e) {
        workers.close();
        Urls.stopQuietly(pool);
        throw e;
      }
    });
  }

  private ExporterOptions options(CollectorWorkers workers, QueuedThreadPool pool) throws ConfigException {
    return new ExporterOptions(
        definition,
        options.configFile(),
        Optional.empty(),
        options.listenAddress(ListenAddress.anyInterface(definition.defaultPort())),
        options.webConfigFile(),
        true,
        Clock.systemUTC(),
        System::getenv,
        workers,
        pool);
  }

  private boolean oneShot() {
    picocli.CommandLine.Model.OptionSpec flag = spec == null ? null : spec.findOption(ONE_SHOT);
    return flag != null && Boolean.TRUE.equals(flag.getValue());
  }

  static Logger log() {
    return log;
  }
}
