package com.saypro.monitor.core.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What a collector knows about the collection it runs in: when it must be done, and the clock. */
public record CollectContext(Instant deadline, Clock clock) {
  /** Time left before the deadline; never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
