package com.saypro.monitor.demo.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * A fault as requested, before it has an id: {@code start} is absolute, {@code startIn} relative to
 * the moment it is stored; at most one of them is set.
 */
public record FaultSpec(
    String target,
    FaultType type,
    int latencyMs,
    double rate,
    int status,
    String errorCode,
    DownMode mode,
    String gateway,
    Instant start,
    Duration startIn,
    Duration duration) {

  Fault toFault(String id, Instant now) {
    Instant startsAt = start != null ? start : startIn != null ? now.plus(startIn) : now;
    Instant endsAt = duration == null ? null : startsAt.plus(duration);
    return new Fault(id, target, type, latencyMs, rate, status, errorCode, mode, gateway, startsAt, endsAt);
  }
}
