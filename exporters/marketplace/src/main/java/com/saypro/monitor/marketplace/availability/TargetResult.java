package com.saypro.monitor.marketplace.availability;

import com.saypro.monitor.marketplace.http.FailureReason;
import java.time.Instant;
import java.util.Optional;

/**
 * How one address of a check did, after its retries.
 *
 * @param address the {@code address} label: the IP checked, or empty when the name did not resolve
 * @param attempts how many requests it took (1 plus the retries used)
 * @param latencyNanos the duration of the attempt that decided
 * @param detail why it is down, for logs and the probe page (never a label)
 */
public record TargetResult(
    String address,
    Optional<FailureReason> failure,
    String detail,
    int status,
    long latencyNanos,
    Optional<Instant> certificateExpiry,
    int attempts) {
  public boolean up() {
    return failure.isEmpty();
  }
}
