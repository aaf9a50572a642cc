package com.saypro.monitor.incidents.store;

import java.time.Instant;

/**
 * What makes an incident one incident: the alert's fingerprint (a hash of its labels, computed by
 * Alertmanager) and when it started firing. The same alert repeated every {@code repeat_interval},
 * or sent by every Alertmanager of a cluster, has the same key; the same labels firing again after
 * a resolution start a new incident. Times are kept to the millisecond.
 */
public record IncidentKey(String fingerprint, long startsAtMillis) implements Comparable<IncidentKey> {
  public static IncidentKey of(String fingerprint, Instant startsAt) {
    return new IncidentKey(fingerprint, startsAt.toEpochMilli());
  }

  public Instant startsAt() {
    return Instant.ofEpochMilli(startsAtMillis);
  }

  @Override
  public int compareTo(IncidentKey other) {
    int byTime = Long.compare(startsAtMillis, other.startsAtMillis);
    return byTime != 0 ? byTime : fingerprint.compareTo(other.fingerprint);
  }

  @Override
  public String toString() {
    return fingerprint + "@" + startsAt();
  }
}
