package com.saypro.monitor.network.dns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The latest result of each DNS query and zone check, and lookup counters; written in the background. */
public final class DnsStats {
  private final Map<String, DnsResult> queries = new LinkedHashMap<>();
  private final Map<String, long[]> lookups = new LinkedHashMap<>();
  private final Map<String, Map<String, OptionalLong>> zones = new LinkedHashMap<>();

  public synchronized void record(String query, DnsResult result) {
    queries.put(query, result);
    long[] counts = lookups.computeIfAbsent(query, q -> new long[2]);
    counts[result.success() ? 0 : 1]++;
  }

  public synchronized void recordZone(String zone, Map<String, OptionalLong> serials) {
    zones.put(zone, Map.copyOf(serials));
  }

  public synchronized Map<String, DnsResult> queries() {
    return Map.copyOf(queries);
  }

  /** Successful and failed lookups per query. */
  public synchronized Map<String, long[]> lookups() {
    Map<String, long[]> copy = new LinkedHashMap<>();
    lookups.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  public synchronized Map<String, Map<String, OptionalLong>> zones() {
    return Map.copyOf(zones);
  }

  /** Every nameserver answered with a serial, and they are all the same. */
  public static boolean agree(Map<String, OptionalLong> serials, List<String> nameservers) {
    Long first = null;
    for (String ns : nameservers) {
      OptionalLong serial = serials.getOrDefault(ns, OptionalLong.empty());
      if (serial.isEmpty()) {
        return false;
      }
      if (first == null) {
        first = serial.getAsLong();
      } else if (first != serial.getAsLong()) {
        return false;
      }
    }
    return first != null;
  }
}
