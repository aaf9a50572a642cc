package com.saypro.monitor.demo.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests sent, by route class and status ({@code error} when no answer came). */
public final class TrafficSummary {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void count(String routeClass, String status) {
    counts.computeIfAbsent(routeClass + " " + status, k -> new LongAdder()).increment();
  }

  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** "route status" to count, sorted. */
  public Map<String, Long> byRouteAndStatus() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  public long count(String routeClass, int status) {
    LongAdder adder = counts.get(routeClass + " " + status);
    return adder == null ? 0 : adder.sum();
  }
}
