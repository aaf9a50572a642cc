package com.saypro.monitor.database.testdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command-line tools the throwaway servers need, as a given system user. */
final class Processes {
  private Processes() {}

  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** {@code command} as {@code user} (through runuser when the tests run as root). */
  static List<String> as(String user, String... command) {
    List<String> out = new ArrayList<>();
    if (root()) {
      out.addAll(List.of("runuser", "-u", user, "--"));
    }
    out.addAll(List.of(command));
    return out;
  }

  static String run(List<String> command, int timeoutSeconds) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void chown(Path path, String user) {
    if (root()) {
      run(List.of("chown", "-R", user + ":", path.toString()), 30);
    }
  }

  static void deleteTree(Path path) {
    try {
      if (Files.exists(path)) {
        run(List.of("rm", "-rf", path.toString()), 60);
      }
    } catch (IllegalStateException ignored) {
      // best effort: a temp folder left behind is not a test failure
    }
  }

  /** Fails with the Debian package to install when {@code tool} is missing. */
  static Path require(Path tool, String debianPackage) {
    if (!Files.isExecutable(tool)) {
      throw new AssertionError(tool + " is missing: apt-get install -y " + debianPackage);
    }
    return tool;
  }
}
