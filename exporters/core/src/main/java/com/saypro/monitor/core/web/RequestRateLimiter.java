package com.saypro.monitor.core.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for {@code rate_limit}, like Go's {@code rate.Limiter}: {@code burst} tokens,
 * one more every {@code interval}, one taken per request.
 */
final class RequestRateLimiter {
  private final RateLimit limit;
  private final Clock clock;
  private double tokens;
  private Instant last;

  RequestRateLimiter(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
    this.tokens = limit.burst();
    this.last = clock.instant();
  }

  synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double refill = (double) Duration.between(last, now).toNanos() / limit.interval().toNanos();
      tokens = Math.min(limit.burst(), tokens + refill);
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
