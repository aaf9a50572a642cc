package com.saypro.monitor.incidents.webhook;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Requests to the write endpoints by outcome, for {@code saypro_incidents_requests_total}. */
public final class RequestStats {
  /** The write endpoints. */
  public enum Endpoint {
    WEBHOOK,
    ACKNOWLEDGE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What became of a request; a bounded set, used as a label. */
  public enum Result {
    ACCEPTED,
    UNAUTHORIZED,
    MALFORMED,
    UNSUPPORTED_VERSION,
    TOO_LARGE,
    WRONG_METHOD,
    NOT_FOUND,
    CONFLICT,
    DISABLED,
    STORAGE_FAILED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Endpoint, EnumMap<Result, AtomicLong>> counts = new EnumMap<>(Endpoint.class);
  private final AtomicLong firingAlerts = new AtomicLong();
  private final AtomicLong resolvedAlerts = new AtomicLong();

  public RequestStats() {
    for (Endpoint endpoint : Endpoint.values()) {
      EnumMap<Result, AtomicLong> byResult = new EnumMap<>(Result.class);
      for (Result result : Result.values()) {
        byResult.put(result, new AtomicLong());
      }
      counts.put(endpoint, byResult);
    }
  }

  void count(Endpoint endpoint, Result result) {
    counts.get(endpoint).get(result).incrementAndGet();
  }

  void alerts(int firing, int resolved) {
    firingAlerts.addAndGet(firing);
    resolvedAlerts.addAndGet(resolved);
  }

  public long get(Endpoint endpoint, Result result) {
    return counts.get(endpoint).get(result).get();
  }

  public long firingAlerts() {
    return firingAlerts.get();
  }

  public long resolvedAlerts() {
    return resolvedAlerts.get();
  }
}
