package com.saypro.monitor.network.latency;

import java.net.InetAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One burst of probes against one target: per address the answered round-trip times in the order
 * they were sent, and the failures by reason.
 *
 * @param refused addresses the resolution named but the target may not be probed on
 * @param resolveFailed no address could be found at all
 */
public record BurstResult(List<AddressResult> addresses, int refused, boolean resolveFailed) {
  /** The probes of one address. */
  public record AddressResult(InetAddress address, double[] rtts, Map<FailureReason, Integer> failures) {
    public AddressResult {
      failures = Map.copyOf(failures.isEmpty() ? new EnumMap<>(FailureReason.class) : failures);
    }

    public int sent() {
      return rtts.length + failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double lossRatio() {
      return sent() == 0 ? 1 : (double) (sent() - rtts.length) / sent();
    }

    /** The median answered round-trip time; NaN without answers. */
    public double medianSeconds() {
      if (rtts.length == 0) {
        return Double.NaN;
      }
      double[] sorted = rtts.clone();
      java.util.Arrays.sort(sorted);
      int mid = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * Mean absolute difference of consecutive round-trip times (the inter-packet delay variation
     * of RFC 3393, averaged); NaN with fewer than two answers.
     */
    public double jitterSeconds() {
      if (rtts.length < 2) {
        return Double.NaN;
      }
      double total = 0;
      for (int i = 1; i < rtts.length; i++) {
        total += Math.abs(rtts[i] - rtts[i - 1]);
      }
      return total / (rtts.length - 1);
    }
  }

  /** At least one address answered at least one probe. */
  public boolean success() {
    return addresses.stream().anyMatch(a -> a.rtts().length > 0);
  }
}
