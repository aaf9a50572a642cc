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
  private final Map<String, long[]> histograms = new LinkedHashMap<>();
  private final Map<String, Double> sums = new LinkedHashMap<>();
  private final double[] bounds;

  /** {@code bounds}: the upper bounds of the lookup duration histogram, +Inf left out. */
  public DnsStats(double[] bounds) {
    this.bounds = bounds.clone();
  }

  public double[] bounds() {
    return bounds.clone();
  }

  public synchronized void record(String query, DnsResult result) {
    queries.put(query, result);
    long[] counts = lookups.computeIfAbsent(query, q -> new long[2]);
    counts[result.success() ? 0 : 1]++;
    if (result.responded()) {
      long[] buckets = histograms.computeIfAbsent(query, q -> new long[bounds.length + 1]);
      int i = java.util.Arrays.binarySearch(bounds, result.seconds());
      buckets[i >= 0 ? i : -i - 1]++;
      sums.merge(query, result.seconds(), Double::sum);
    }
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

  /** Per query: the bucket counts (not cumulative, +Inf last) of answered lookups, and their sum. */
  public synchronized Map<String, Histogram> histograms() {
    Map<String, Histogram> copy = new LinkedHashMap<>();
    histograms.forEach((k, v) -> copy.put(k, new Histogram(v.clone(), sums.get(k))));
    return copy;
  }

  /** A histogram's counts and sum. */
  public record Histogram(long[] counts, double sum) {}

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
