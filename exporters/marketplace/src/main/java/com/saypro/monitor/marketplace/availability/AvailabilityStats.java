package com.saypro.monitor.marketplace.availability;

import com.saypro.monitor.marketplace.Buckets;
import com.saypro.monitor.marketplace.http.FailureReason;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks' counters since start-up (or the last reload) and each check's last run. Only the last
 * run's addresses are shown, so the {@code address} label stays within the set the host resolves
 * to now. Thread-safe.
 */
public final class AvailabilityStats {
  private final Map<String, CheckState> checks = new LinkedHashMap<>();

  public AvailabilityStats(List<AvailabilityCheck> configured, double[] bucketBounds) {
    for (AvailabilityCheck check : configured) {
      checks.put(check.name(), new CheckState(bucketBounds));
    }
  }

  public synchronized void record(CheckResult result) {
    CheckState state = checks.get(result.check());
    for (TargetResult target : result.targets()) {
      state.checks++;
      state.attempts += target.attempts();
      state.retries += target.attempts() - 1;
      target.failure().ifPresent(reason -> state.failures.merge(reason, 1L, Long::sum));
      state.latency.observe(target.latencyNanos() / 1e9);
    }
    state.last = result;
  }

  public synchronized void forEach(Visitor visitor) {
    checks.forEach(visitor::visit);
  }

  /** Reads one check's state while the stats are locked. */
  @FunctionalInterface
  public interface Visitor {
    void visit(String check, CheckState state);
  }

  /** The counters of one check. Read only inside {@link #forEach}. */
  public static final class CheckState {
    long checks;
    long attempts;
    long retries;
    final Map<FailureReason, Long> failures = new EnumMap<>(FailureReason.class);
    final Buckets latency;
    CheckResult last;

    CheckState(double[] bounds) {
      latency = new Buckets(bounds);
    }

    public long checks() {
      return checks;
    }

    public long attempts() {
      return attempts;
    }

    public long retries() {
      return retries;
    }

    public long failures(FailureReason reason) {
      return failures.getOrDefault(reason, 0L);
    }

    public Buckets latency() {
      return latency;
    }

    /** The last run, or null before the first. */
    public CheckResult last() {
      return last;
    }
  }
}
