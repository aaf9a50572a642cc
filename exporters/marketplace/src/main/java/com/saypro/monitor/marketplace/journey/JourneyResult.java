package com.saypro.monitor.marketplace.journey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How one run of a journey went: the steps that ran (up to the first failure) and the total. */
public record JourneyResult(String journey, List<StepResult> steps, long durationNanos, Instant finished) {
  public JourneyResult {
    steps = List.copyOf(steps);
  }

  public boolean success() {
    return steps.stream().allMatch(StepResult::success);
  }

  public Optional<StepResult> failedStep() {
    return steps.stream().filter(s -> !s.success()).findFirst();
  }
}
