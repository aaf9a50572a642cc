package com.saypro.monitor.network.latency;

import java.util.Locale;

/** Why a probe got no answer: the bounded {@code reason} label. */
public enum FailureReason {
  TIMEOUT,
  REFUSED,
  UNREACHABLE,
  RESOLVE,
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
