package com.saypro.monitor.core.testkit;

import com.saypro.monitor.core.cli.Commands;
import java.util.List;

/** The command line with only the test exporter, for tests that run it as a real process. */
public final class TestMain {
  private TestMain() {}

  public static void main(String[] args) {
    int code = Commands.build(List.of(new TestCollectors())).execute(args);
    if (code != 0 || List.of(args).contains("--config.check")) {
      System.exit(code);
    }
  }
}
