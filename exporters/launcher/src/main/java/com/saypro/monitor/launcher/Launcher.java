package com.saypro.monitor.launcher;

import com.saypro.monitor.core.cli.Commands;
import com.saypro.monitor.demo.DemoCommand;
import picocli.CommandLine;

/**
 * The single runnable jar: {@code java -jar saypro-monitor.jar COMMAND}. Every exporter module on
 * the class path is a subcommand (found through ServiceLoader); {@code all} runs them together.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0 || args.length == 0 || !runsServer(args)) {
      System.exit(code);
    }
  }

  /** Every exporter, {@code all}, and the demo marketplace ({@code demo}, {@code demo traffic}). */
  static CommandLine commandLine() {
    CommandLine root = Commands.build(Commands.discover());
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
