package com.saypro.monitor.marketplace.availability;

import java.time.Instant;
import java.util.List;

/** One run of a check: a result per address checked. */
public record CheckResult(String check, List<TargetResult> targets, long durationNanos, Instant finished) {
  public CheckResult {
    targets = List.copyOf(targets);
  }

  /** Up when every address checked is up. */
  public boolean up() {
    return !targets.isEmpty() && targets.stream().allMatch(TargetResult::up);
  }
}
