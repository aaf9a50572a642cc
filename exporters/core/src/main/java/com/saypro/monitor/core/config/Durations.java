package com.saypro.monitor.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Prometheus-style durations: {@code 500ms}, {@code 5s}, {@code 1m30s}, {@code 2h}, {@code 1d},
 * {@code 1w}, {@code 1y} and {@code 0}. Units must appear from largest to smallest, each at most once.
 */
public final class Durations {
  public static final String HINT = "use 500ms, 5s, 1m";

  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long[] MILLIS = {
    365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000L, 60_000L, 1000L, 1L
  };

  private Durations() {}

  /** Parses {@code text}, or returns empty when it is not a duration. */
  public static Optional<Duration> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (text.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    long total = 0;
    int pos = 0;
    int lastUnit = -1;
    while (pos < text.length()) {
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == start || pos - start > 12) {
        return Optional.empty();
      }
      long number = Long.parseLong(text.substring(start, pos));
      int unit = unitAt(text, pos);
      if (unit < 0 || unit <= lastUnit) {
        return Optional.empty();
      }
      pos += UNITS[unit].length();
      lastUnit = unit;
      try {
        total = Math.addExact(total, Math.multiplyExact(number, MILLIS[unit]));
      } catch (ArithmeticException overflow) {
        return Optional.empty();
      }
    }
    return Optional.of(Duration.ofMillis(total));
  }

  private static int unitAt(String text, int pos) {
    if (text.startsWith("ms", pos)) {
      return 6;
    }
    for (int i = 0; i < 6; i++) {
      if (text.startsWith(UNITS[i], pos)) {
        return i;
      }
    }
    return -1;
  }

  /** Formats a duration the way it would be written in a config file ({@code 1m30s}). */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 2; i < UNITS.length; i++) { // days and below: weeks and years read badly
      long n = ms / MILLIS[i];
      if (n > 0) {
        out.append(n).append(UNITS[i]);
        ms -= n * MILLIS[i];
      }
    }
    return out.toString();
  }
}
