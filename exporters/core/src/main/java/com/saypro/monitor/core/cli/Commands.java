package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.exporter.ExporterDefinition;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds the {@code saypro-monitor} command line: a subcommand per exporter found on the class path,
 * and {@code all}. A bad flag is one line on stderr and exit code 1, like a bad config file.
 */
public final class Commands {
  private Commands() {}

  /** The root command; running it without a subcommand prints the usage. */
  @Command(
      name = "saypro-monitor",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "SayPro Monitor: Prometheus exporters for the SayPro marketplace.",
      synopsisSubcommandLabel = "COMMAND")
  static final class Root implements Runnable {
    @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }

  /** The exporters on the class path, sorted by name. */
  public static List<ExporterDefinition> discover() {
    return ServiceLoader.load(ExporterDefinition.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(java.util.Comparator.comparing(ExporterDefinition::name))
        .toList();
  }

  public static CommandLine build(List<ExporterDefinition> definitions) {
    CommandLine root = new CommandLine(new Root());
    root.addSubcommand("all", new SuiteCommand(definitions));
    root.addSubcommand("catalogue", new CatalogueCommand(definitions));
    for (ExporterDefinition definition : definitions) {
      CommandLine sub = new CommandLine(new ExporterCommand(definition));
      sub.getCommandSpec().usageMessage().description(
          definition.description() + ".", "Listens on :" + definition.defaultPort() + " unless --web.listen-address says otherwise.");
      if (definition.oneShotDescription() != null) {
        sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder(ExporterCommand.ONE_SHOT)
            .arity("0").type(boolean.class).description(definition.oneShotDescription()).build());
      }
      root.addSubcommand(definition.name(), sub);
    }
    root.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("saypro-monitor: " + ex.getMessage() + " (see --help)");
      err.flush();
      return 1;
    });
    return root;
  }

  /**
   * Runs {@code args} when they are a plain one-shot run ({@link OneShotArgs}) without building the picocli
   * command line, and returns its exit code; empty when they are anything else (then build the command line
   * and execute them). The run is the same as through picocli: logging from the same flags, then {@link OneShot}.
   */
  public static OptionalInt runOneShot(String[] args, List<ExporterDefinition> definitions, PrintWriter out,
      PrintWriter err) {
    Optional<OneShotArgs> oneShot = OneShotArgs.parse(args, definitions);
    if (oneShot.isEmpty()) {
      return OptionalInt.empty();
    }
    CommonOptions options = oneShot.get().options();
    if (!Runner.setUpLogging(options)) {
      return OptionalInt.of(1);
    }
    return OptionalInt.of(OneShot.run(oneShot.get().definition(), options.configFile(), out, err));
  }

  public static int run(String... args) {
    return build(discover()).execute(args);
  }
}
