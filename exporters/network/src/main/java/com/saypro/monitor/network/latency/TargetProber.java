package com.saypro.monitor.network.latency;

import com.saypro.monitor.network.config.TargetConfig;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one burst against one target: resolve once (through its {@link PinnedAddresses}), then
 * {@code count} probes on each allowed address, {@code spacing} apart, the addresses interleaved so
 * a short disturbance touches all of them alike. Stops early, counting nothing more, when the
 * deadline leaves less than one timeout.
 */
public final class TargetProber {
  private final TargetConfig target;
  private final PinnedAddresses addresses;
  private final Probe probe;

  public TargetProber(TargetConfig target, PinnedAddresses addresses) {
    this.target = target;
    this.addresses = addresses;
    this.probe = target.method() == TargetConfig.ProbeMethod.ICMP ? Probe.icmp() : Probe.tcp();
  }

  public TargetConfig target() {
    return target;
  }

  public PinnedAddresses addresses() {
    return addresses;
  }

  /** One burst that ends by {@code deadlineNanos} ({@link System#nanoTime()} based). */
  public BurstResult burst(long deadlineNanos) throws InterruptedException {
    PinnedAddresses.Resolution resolution = addresses.resolve(target.timeout());
    List<InetAddress> list = resolution.addresses();
    if (list.isEmpty()) {
      return new BurstResult(List.of(), resolution.refused(), resolution.error() != null);
    }
    int n = list.size();
    Probe.Target[] targets = new Probe.Target[n];
    double[][] rtts = new double[n][target.count()];
    int[] answered = new int[n];
    int[][] failures = new int[n][FailureReason.values().length];
    for (int i = 0; i < n; i++) {
      targets[i] = Probe.Target.of(list.get(i), target.port());
    }
    long timeoutNanos = target.timeout().toNanos();
    long spacingMillis = target.spacing().toMillis();
    int spacingNanos = target.spacing().toNanosPart() % 1_000_000;
    boolean spaced = !target.spacing().isZero();
    outer:
    for (int round = 0; round < target.count(); round++) {
      if (round > 0 && spaced) {
        Thread.sleep(spacingMillis, spacingNanos);
      }
      for (int i = 0; i < n; i++) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          break outer;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        long result = probe.send(targets[i], timeoutMillis(Math.min(left, timeoutNanos)));
        if (result >= 0) {
          rtts[i][answered[i]++] = result / 1e9;
        } else {
          failures[i][Probe.failure(result).ordinal()]++;
        }
      }
    }
    List<BurstResult.AddressResult> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<FailureReason, Integer> byReason = new EnumMap<>(FailureReason.class);
      for (FailureReason reason : FailureReason.values()) {
        if (failures[i][reason.ordinal()] > 0) {
          byReason.put(reason, failures[i][reason.ordinal()]);
        }
      }
      results.add(new BurstResult.AddressResult(list.get(i), Arrays.copyOf(rtts[i], answered[i]), byReason));
    }
    return new BurstResult(List.copyOf(results), resolution.refused(), false);
  }

  /** Whole milliseconds, at least 1 (the socket API's unit; 0 would mean no timeout). */
  private static int timeoutMillis(long nanos) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
  }
}
