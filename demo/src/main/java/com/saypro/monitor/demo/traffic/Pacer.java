package com.saypro.monitor.demo.traffic;

import com.saypro.monitor.demo.faults.Delays;

/**
 * Hands out request slots at a fixed rate until a deadline or a count is reached, shared by all
 * visitor threads, so the total rate holds however many visitors run.
 */
final class Pacer {
  private final long intervalNanos;
  private final long deadlineNanos;
  private final long maxRequests;
  private long nextSlot;
  private long issued;

  Pacer(double ratePerSecond, long durationNanos, long maxRequests) {
    this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
    long now = System.nanoTime();
    this.deadlineNanos = now + durationNanos;
    this.maxRequests = maxRequests <= 0 ? Long.MAX_VALUE : maxRequests;
    this.nextSlot = now;
  }

  /** Waits for the next slot; false when the run is over (time or count). */
  boolean acquire() {
    long slot;
    synchronized (this) {
      if (issued >= maxRequests || nextSlot >= deadlineNanos) {
        return false;
      }
      issued++;
      slot = nextSlot;
      nextSlot += intervalNanos;
    }
    long wait = slot - System.nanoTime();
    if (wait > 0) {
      Delays.pause((int) Math.min(Integer.MAX_VALUE, wait / 1_000_000));
    }
    return !Thread.currentThread().isInterrupted();
  }

  synchronized long issued() {
    return issued;
  }
}
