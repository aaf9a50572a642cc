package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.exporter.ExporterOptions;
import com.saypro.monitor.core.exporter.RunningExporter;
import com.saypro.monitor.core.http.HttpServers;
import com.saypro.monitor.core.http.ListenAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code all}: every configured exporter in one JVM, each on its own port, sharing one HTTP thread
 * pool and one set of collector threads (one small monitoring host saves the memory of several
 * JVMs). If one exporter cannot start, none runs: start-up is all or nothing.
 */
@Command(
    name = "all",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Runs every exporter in one JVM, each on its own port.",
      "Without --config.file: every exporter on its embedded defaults and default port.",
      "--web.listen-address sets the suite's own port (default :9810); --web.config.file applies to every exporter."
    })
public final class SuiteCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(SuiteCommand.class);

  private final List<ExporterDefinition> definitions;

  @Mixin CommonOptions options;

  public SuiteCommand(List<ExporterDefinition> definitions) {
    this.definitions = List.copyOf(definitions);
  }

  @Override
  public Integer call() {
    if (!Runner.setUpLogging(options)) {
      return 1;
    }
    if (options.check()) {
      return Runner.check(options.configFile().map(Object::toString).orElse("suite defaults"), () -> {
        try (CollectorWorkers workers = new CollectorWorkers()) {
          SuiteConfig suite = readSuite();
          for (SuiteConfig.Member member : suite.members()) {
            RunningExporter.check(memberOptions(member, workers, null));
          }
        }
      });
    }
    return Runner.runUntilStopped(this::start);
  }

  private Runner.Service start() throws ConfigException {
    SuiteConfig suite = readSuite();
    CollectorWorkers workers = new CollectorWorkers();
    QueuedThreadPool pool = HttpServers.threadPool();
    List<RunningExporter> running = new CopyOnWriteArrayList<>();
    Runner.Service service = new Runner.Service() {
      @Override
      public void reload() {
        for (RunningExporter exporter : running) {
          exporter.reload();
        }
      }

      @Override
      public void close() {
        List<RunningExporter> reversed = new ArrayList<>(running);
        java.util.Collections.reverse(reversed);
        reversed.forEach(RunningExporter::close);
        workers.close();
        Urls.stopQuietly(pool);
      }
    };
    try {
      List<RunningExporter> members = new ArrayList<>();
      for (SuiteConfig.Member member : suite.members()) {
        RunningExporter exporter = RunningExporter.start(memberOptions(member, workers, pool));
        running.add(exporter);
        members.add(exporter);
      }
      ListenAddress suiteAddress = options.listenAddress(suite.listenAddress());
      RunningExporter self = RunningExporter.start(new ExporterOptions(
          new SuiteExporter(() -> List.copyOf(members)),
          Optional.empty(),
          Optional.empty(),
          suiteAddress,
          options.webConfigFile(),
          true,
          Clock.systemUTC(),
          System::getenv,
          workers,
          pool));
      running.add(self);
      Urls.announce("suite", self, suiteAddress);
      for (int i = 0; i < members.size(); i++) {
        Urls.announce(members.get(i).name(), members.get(i), suite.members().get(i).listenAddress());
      }
      log.info("started {} exporters", members.size());
      return service;
    } catch (ConfigException | RuntimeException e) {
      service.close();
      throw e;
    }
  }

  private SuiteConfig readSuite() throws ConfigException {
    if (options.configFile().isEmpty()) {
      return SuiteConfig.defaults(definitions);
    }
    Path file = options.configFile().get();
    ConfigNode root = ConfigLoader.withSystemEnvironment().load(file);
    Path directory = file.toAbsolutePath().getParent();
    return SuiteConfig.read(root, directory, definitions);
  }

  private ExporterOptions memberOptions(SuiteConfig.Member member, CollectorWorkers workers, QueuedThreadPool pool) {
    return new ExporterOptions(
        member.definition(),
        member.configFile(),
        member.inline(),
        member.listenAddress(),
        options.webConfigFile(),
        false, // the JVM's metrics are served once, by the suite endpoint
        Clock.systemUTC(),
        System::getenv,
        workers,
        pool);
  }
}
