package com.saypro.monitor.demo.faults;

import java.util.Locale;

/** What a fault does to the requests it matches. */
public enum FaultType {
  /** Adds a fixed delay before the answer starts. */
  LATENCY,
  /** Answers a 5xx at a rate. */
  ERROR,
  /** The payment gateway declines charges at a rate. */
  DECLINE,
  /** The payment gateway holds charges longer than the backends wait, at a rate. */
  TIMEOUT,
  /** The service is down: 503, or its listener closed (connection refused). */
  DOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
