package com.saypro.monitor.core.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a collector knows about the collection it runs in: when it must be done, the clock, and
 * which scrape started it.
 *
 * @param scrape the same object (compare with {@code ==}) for every collection one scrape starts, so
 *     collectors of one scrape can share work (one database round trip for several collectors)
 *     without ever serving one scrape's reads to another
 */
public record CollectContext(Instant deadline, Clock clock, Object scrape) {
  /** A collection that shares its scrape with no other. */
  public CollectContext(Instant deadline, Clock clock) {
    this(deadline, clock, new Object());
  }

  /** Time left before the deadline; never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
