package com.saypro.monitor.core.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code promtool} (package {@code prometheus}, installed by the test command). A
 * missing promtool fails the test with the fix; it never skips.
 */
public final class Promtool {
  /** Exit code and combined output. */
  public record Result(int exitCode, String output) {}

  private Promtool() {}

  /** {@code promtool check metrics} over an exposition in the text format. */
  public static Result checkMetrics(String exposition) {
    return run(exposition, "promtool", "check", "metrics");
  }

  public static Result run(String stdin, String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError(
          command[0] + " is not installed: run ./saypro test (it installs Debian's prometheus package), or apt-get install prometheus", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
