package com.saypro.monitor.incidents.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** When the always-firing heartbeat alert was last delivered (loaded from the store at start). */
public final class HeartbeatState {
  private final String alertname;
  private final AtomicReference<Instant> lastSeen;

  public HeartbeatState(String alertname, Optional<Instant> stored) {
    this.alertname = alertname;
    this.lastSeen = new AtomicReference<>(stored.orElse(null));
  }

  public String alertname() {
    return alertname;
  }

  void seen(Instant at) {
    lastSeen.accumulateAndGet(at, (old, now) -> old == null || now.isAfter(old) ? now : old);
  }

  public Optional<Instant> lastSeen() {
    return Optional.ofNullable(lastSeen.get());
  }
}
