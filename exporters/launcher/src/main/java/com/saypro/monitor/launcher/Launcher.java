package com.saypro.monitor.launcher;

import com.saypro.monitor.core.cli.Commands;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.demo.DemoCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;

/**
 * The single runnable jar: {@code java -jar saypro-monitor.jar COMMAND}. Every exporter module on
 * the class path is a subcommand (found through ServiceLoader); {@code all} runs them together.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    List<ExporterDefinition> all = Commands.discover();
    // a plain `logs --one-shot --config.file=...` runs without building picocli's model (Commands.runOneShot)
    OptionalInt oneShot = Commands.runOneShot(args, all,
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    if (oneShot.isPresent()) {
      System.exit(oneShot.getAsInt());
    }
    int code = (args.length > 0 ? commandLineFor(args[0], all) : commandLine(all)).execute(args);
    if (code != 0 || args.length == 0 || !runsServer(args)) {
      System.exit(code);
    }
  }

  /**
   * When the first argument names an exporter, a command line with only that exporter's command: building every
   * exporter's command (picocli reads each one's annotations) was about a third of the start-up of a short run such
   * as {@code logs --one-shot}. The exporter's command parses, helps and fails exactly as in the full command line.
   */
  static CommandLine commandLineFor(String first) {
    return commandLineFor(first, Commands.discover());
  }

  private static CommandLine commandLineFor(String first, List<ExporterDefinition> all) {
    List<ExporterDefinition> named = all.stream().filter(d -> d.name().equals(first)).toList();
    return named.isEmpty() ? commandLine(all) : Commands.build(named);
  }

  /** Every exporter, {@code all}, and the demo marketplace ({@code demo}, {@code demo traffic}). */
  static CommandLine commandLine() {
    return commandLine(Commands.discover());
  }

  private static CommandLine commandLine(List<ExporterDefinition> definitions) {
    CommandLine root = Commands.build(definitions);
    CommandLine demo = new CommandLine(new DemoCommand());
    demo.setParameterExceptionHandler(root.getParameterExceptionHandler());
    root.addSubcommand("demo", demo);
    return root;
  }

  /** Commands that serve keep running after main returns; the rest exit with their code. */
  private static boolean runsServer(String[] args) {
    if (args.length >= 2 && args[0].equals("demo") && args[1].equals("traffic")) {
      return false; // the traffic generator ends on its own
    }
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V") || arg.equals("--config.check")
          || arg.equals("--one-shot")) {
        return false;
      }
    }
    return true;
  }
}
