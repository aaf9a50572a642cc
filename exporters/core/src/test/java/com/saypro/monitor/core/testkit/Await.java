package com.saypro.monitor.core.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a condition with a bounded timeout, checking every 50 ms: what tests use instead of a
 * fixed sleep. A condition that throws counts as not yet true until the timeout.
 */
public final class Await {
  private Await() {}

  public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("gave up waiting for " + what + " after " + timeout, e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + " after " + timeout);
      }
      try {
        Thread.sleep(50); // the polling step, not a wait for the condition itself
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }
}
