package com.saypro.monitor.demo.faults;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits out an injected latency. The journey prober's accuracy test wants the delay within a few
 * milliseconds, so this parks until a nanoTime deadline instead of trusting one sleep call.
 */
public final class Delays {
  private Delays() {}

  public static void pause(int millis) {
    if (millis <= 0) {
      return;
    }
    long deadline = System.nanoTime() + millis * 1_000_000L;
    for (long left = millis * 1_000_000L; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
