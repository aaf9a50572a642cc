package com.saypro.monitor.incidents.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * SLA outcomes (met or breached) of the incidents that started in the last 30 days, in hourly
 * slots of a ring, so the ratio over the window costs 720 additions at scrape time whatever the
 * history holds. An outcome is filed under the hour its incident started.
 */
final class ComplianceWindow {
  static final Duration WINDOW = Duration.ofDays(30);
  private static final int SLOTS = (int) WINDOW.toHours();

  private final long[] hourOfSlot = new long[SLOTS];
  private final int[] met = new int[SLOTS];
  private final int[] breached = new int[SLOTS];

  ComplianceWindow() {
    java.util.Arrays.fill(hourOfSlot, Long.MIN_VALUE);
  }

  /** Files one outcome; ignores incidents that started before the window ending at {@code now}. */
  void add(Instant incidentStart, boolean wasMet, Instant now) {
    long hour = hour(incidentStart);
    if (hour <= hour(now) - SLOTS) {
      return;
    }
    int slot = (int) Math.floorMod(hour, (long) SLOTS);
    if (hourOfSlot[slot] != hour) {
      hourOfSlot[slot] = hour;
      met[slot] = 0;
      breached[slot] = 0;
    }
    if (wasMet) {
      met[slot]++;
    } else {
      breached[slot]++;
    }
  }

  /** [met, breached] over the window ending at {@code now}. */
  long[] totals(Instant now) {
    long newest = hour(now);
    long metTotal = 0;
    long breachedTotal = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      long hour = hourOfSlot[slot];
      if (hour > newest - SLOTS && hour <= newest) {
        metTotal += met[slot];
        breachedTotal += breached[slot];
      }
    }
    return new long[] {metTotal, breachedTotal};
  }

  private static long hour(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), 3600L);
  }
}
