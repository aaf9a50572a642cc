package com.saypro.monitor.launcher;

import com.saypro.monitor.core.cli.Commands;

/**
 * The single runnable jar: {@code java -jar saypro-monitor.jar COMMAND}. Every exporter module on
 * the class path is a subcommand (found through ServiceLoader); {@code all} runs them together.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    int code = Commands.run(args);
    if (code != 0 || args.length == 0 || !runsServer(args)) {
      System.exit(code);
    }
  }

  /** Commands that serve keep running after main returns; the rest exit with their code. */
  private static boolean runsServer(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V") || arg.equals("--config.check")) {
        return false;
      }
    }
    return true;
  }
}
