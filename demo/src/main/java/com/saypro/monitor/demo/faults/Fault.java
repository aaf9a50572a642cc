package com.saypro.monitor.demo.faults;

import java.time.Instant;
import java.util.Optional;

/**
 * One fault as the control API accepted it, with the interval it is active in.
 *
 * @param target a route class label, {@code gateway} or {@code site}
 * @param rate share of matching requests affected, 0..1
 * @param gateway for the gateway target: the one gateway name affected, or null for all
 * @param endsAt null when open-ended (until cleared)
 */
public record Fault(
    String id,
    String target,
    FaultType type,
    int latencyMs,
    double rate,
    int status,
    String errorCode,
    DownMode mode,
    String gateway,
    Instant startsAt,
    Instant endsAt) {

  public static final String GATEWAY = "gateway";
  public static final String SITE = "site";

  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && (endsAt == null || now.isBefore(endsAt));
  }

  public boolean expiredAt(Instant now) {
    return endsAt != null && !now.isBefore(endsAt);
  }

  /** Whether this fault applies to a request for {@code target} (and gateway name, if any). */
  public boolean matches(String requestTarget, String gatewayName) {
    return target.equals(requestTarget)
        && (gateway == null || gatewayName == null || gateway.equals(gatewayName));
  }

  public Optional<Instant> end() {
    return Optional.ofNullable(endsAt);
  }
}
