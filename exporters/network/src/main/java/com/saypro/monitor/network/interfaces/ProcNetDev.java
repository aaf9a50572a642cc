package com.saypro.monitor.network.interfaces;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code /proc/net/dev}: two header lines, then {@code name: 16 counters} (receive bytes,
 * packets, errs, drop, fifo, frame, compressed, multicast; transmit bytes, packets, errs, drop,
 * fifo, colls, carrier, compressed). Lines that do not have that shape are skipped.
 */
public final class ProcNetDev {
  private ProcNetDev() {}

  /** One interface's counters. */
  public record Counters(String name, long rxBytes, long rxPackets, long rxErrors, long rxDrops,
      long txBytes, long txPackets, long txErrors, long txDrops) {}

  public static List<Counters> parse(List<String> lines) {
    List<Counters> out = new ArrayList<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.contains("|")) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String[] fields = line.substring(colon + 1).trim().split("\\s+");
      if (name.isEmpty() || fields.length < 16) {
        continue;
      }
      try {
        long[] v = new long[16];
        for (int i = 0; i < 16; i++) {
          v[i] = Long.parseUnsignedLong(fields[i]);
        }
        out.add(new Counters(name, v[0], v[1], v[2], v[3], v[8], v[9], v[10], v[11]));
      } catch (NumberFormatException e) {
        // not a counter line
      }
    }
    return out;
  }
}
