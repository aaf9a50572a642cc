package com.saypro.monitor.incidents;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition with a bounded timeout, checking often; never a fixed sleep. */
public final class Poll {
  private Poll() {}

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
