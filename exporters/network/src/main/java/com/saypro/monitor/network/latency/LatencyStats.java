package com.saypro.monitor.network.latency;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bursts have measured, per target and address: an RTT histogram and failure counters
 * over every burst since start, and the loss and jitter of the latest burst. Written by the
 * background bursts, read by scrapes; {@link #view()} copies under the lock so a scrape never sees
 * half a burst.
 */
public final class LatencyStats {
  private final double[] bounds;
  private final Map<String, TargetState> targets = new LinkedHashMap<>();

  public LatencyStats(double[] bounds, List<String> targetNames) {
    this.bounds = bounds.clone();
    targetNames.forEach(name -> targets.put(name, new TargetState()));
  }

  public double[] bounds() {
    return bounds.clone();
  }

  public synchronized void record(String target, BurstResult burst, Instant at) {
    TargetState state = targets.get(target);
    state.ran = true;
    state.lastRun = at;
    state.success = burst.success();
    state.refused = burst.refused();
    state.resolveFailures += burst.resolveFailed() ? 1 : 0;
    for (BurstResult.AddressResult result : burst.addresses()) {
      AddressState address = state.addresses.computeIfAbsent(result.address(), a -> new AddressState(bounds.length + 1));
      for (double rtt : result.rtts()) {
        int bucket = Arrays.binarySearch(bounds, rtt);
        address.counts[bucket >= 0 ? bucket : -bucket - 1]++;
        address.sum += rtt;
      }
      address.sent += result.sent();
      result.failures().forEach((reason, n) -> address.failures.merge(reason, (long) n, Long::sum));
      address.loss = result.lossRatio();
      address.jitter = result.jitterSeconds();
      address.median = result.medianSeconds();
    }
  }

  /** An immutable copy of everything, in config order. */
  public synchronized List<TargetView> view() {
    List<TargetView> out = new ArrayList<>();
    targets.forEach((name, state) -> {
      List<AddressView> addresses = new ArrayList<>();
      state.addresses.forEach((address, a) -> addresses.add(new AddressView(
          address.getHostAddress(), a.counts.clone(), a.sum, a.sent, Map.copyOf(a.failures), a.loss, a.jitter, a.median)));
      out.add(new TargetView(name, state.ran, state.lastRun, state.success, state.refused, state.resolveFailures,
          List.copyOf(addresses)));
    });
    return out;
  }

  /** One target as a scrape sees it. */
  public record TargetView(String name, boolean ran, Instant lastRun, boolean success, int refused,
      long resolveFailures, List<AddressView> addresses) {}

  /** One address as a scrape sees it; {@code counts} are per bucket (not cumulative), +Inf last. */
  public record AddressView(String address, long[] counts, double sum, long sent,
      Map<FailureReason, Long> failures, double loss, double jitter, double median) {}

  private static final class TargetState {
    boolean ran;
    Instant lastRun;
    boolean success;
    int refused;
    long resolveFailures;
    final Map<InetAddress, AddressState> addresses = new LinkedHashMap<>();
  }

  private static final class AddressState {
    final long[] counts;
    double sum;
    long sent;
    final Map<FailureReason, Long> failures = new EnumMap<>(FailureReason.class);
    double loss;
    double jitter = Double.NaN;
    double median = Double.NaN;

    AddressState(int buckets) {
      counts = new long[buckets];
    }
  }
}
