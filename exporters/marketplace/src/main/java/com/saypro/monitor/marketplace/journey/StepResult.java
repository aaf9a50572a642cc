package com.saypro.monitor.marketplace.journey;

import com.saypro.monitor.marketplace.http.FailureReason;
import com.saypro.monitor.marketplace.http.PhaseTimings;
import java.util.Optional;

/**
 * How one step of one run went.
 *
 * @param detail why it failed, for logs and the probe page (never a label; never a body or value)
 * @param status the last HTTP status, 0 when there was no response
 */
public record StepResult(
    String step, Optional<FailureReason> failure, String detail, int status, PhaseTimings phases, long durationNanos) {
  public boolean success() {
    return failure.isEmpty();
  }
}
