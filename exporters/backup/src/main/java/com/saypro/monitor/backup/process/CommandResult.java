package com.saypro.monitor.backup.process;

import java.time.Duration;

/**
 * How a command ended.
 *
 * @param exitCode -1 when it timed out or was refused
 * @param stdout up to the command's {@code maxStdoutBytes}
 * @param stderr the last few KiB of its error output, for reasons
 * @param refused why a {@link StdinFilter} stopped it, or null
 */
public record CommandResult(
    int exitCode, String stdout, String stderr, boolean timedOut, boolean truncated, String refused, Duration elapsed) {
  public boolean ok() {
    return exitCode == 0 && !timedOut && refused == null && !truncated;
  }

  /** A one-line reason for pages and logs. */
  public String reason(String program) {
    if (refused != null) {
      return program + " stopped: " + refused;
    }
    if (timedOut) {
      return program + " timed out after " + elapsed.toSeconds() + "s";
    }
    if (truncated) {
      return program + " printed more output than the exporter reads";
    }
    String last = lastLine(stderr);
    return program + " exited with " + exitCode + (last.isEmpty() ? "" : ": " + last);
  }

  private static String lastLine(String text) {
    String trimmed = text.strip();
    int cut = trimmed.lastIndexOf('\n');
    String line = cut < 0 ? trimmed : trimmed.substring(cut + 1);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
