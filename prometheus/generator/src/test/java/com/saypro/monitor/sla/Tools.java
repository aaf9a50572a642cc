package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Debian tools (promtool, amtool, prometheus, prometheus-alertmanager). A missing tool
 * fails with the fix (./saypro test installs them); it never skips.
 */
final class Tools {
  record Result(int exitCode, String output) {}

  private Tools() {}

  static Path require(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(command + " is not on the PATH: run ./saypro test (scripts/test-setup.sh installs it with apt-get)");
  }

  /** Runs a command to completion (at most {@code timeoutSeconds}) in {@code dir}. */
  static Result run(Path dir, long timeoutSeconds, String... command) {
    try {
      Path log = Files.createTempFile("saypro-sla-tool", ".log");
      try {
        command[0] = require(command[0]).toString();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + List.of(command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
