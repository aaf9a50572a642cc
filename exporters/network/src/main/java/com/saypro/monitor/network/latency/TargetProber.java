package com.saypro.monitor.network.latency;

import com.saypro.monitor.network.config.TargetConfig;
import java.net.InetAddress;
import java.time.Duration;
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
    this.probe = target.method() == TargetConfig.ProbeMethod.ICMP ? Probe.icmp() : Probe.tcp(target.port());
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
    List<List<Double>> rtts = new ArrayList<>();
    List<Map<FailureReason, Integer>> failures = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      rtts.add(new ArrayList<>());
      failures.add(new EnumMap<>(FailureReason.class));
    }
    long timeoutNanos = target.timeout().toNanos();
    outer:
    for (int n = 0; n < target.count(); n++) {
      if (n > 0 && !target.spacing().isZero()) {
        Thread.sleep(target.spacing().toMillis(), target.spacing().toNanosPart() % 1_000_000);
      }
      for (int i = 0; i < list.size(); i++) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          break outer;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        Probe.Outcome outcome = probe.send(list.get(i), Duration.ofNanos(Math.min(left, timeoutNanos)));
        if (outcome.failure() == null) {
          rtts.get(i).add(outcome.rttSeconds());
        } else {
          failures.get(i).merge(outcome.failure(), 1, Integer::sum);
        }
      }
    }
    List<BurstResult.AddressResult> results = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      double[] values = rtts.get(i).stream().mapToDouble(Double::doubleValue).toArray();
      results.add(new BurstResult.AddressResult(list.get(i), values, failures.get(i)));
    }
    return new BurstResult(List.copyOf(results), resolution.refused(), false);
  }
}
