package com.saypro.monitor.incidents.store;

import java.time.Instant;
import java.util.HexFormat;

/**
 * What makes an incident one incident: the alert's fingerprint (a hash of its labels, computed by
 * Alertmanager) and when it started firing. The same alert repeated every {@code repeat_interval},
 * or sent by every Alertmanager of a cluster, has the same key; the same labels firing again after
 * a resolution start a new incident. Times are kept to the millisecond.
 *
 * <p>A value with a record's contract (equality, hash and order by fingerprint text and start).
 * Alertmanager's fingerprints are 16 lowercase hexadecimal digits; such a fingerprint is kept as the
 * 64-bit number it spells, not as a {@code String}: the in-memory figures hold a key per open
 * incident, and the text and its byte array were 56 of the ~220 bytes each one cost (the garbage
 * collector copies them, and the heap's size bounds how many incidents can be open; see
 * bench/incidents/RESULTS.md). Any other fingerprint is kept as given.
 */
public final class IncidentKey implements Comparable<IncidentKey> {
  private static final int PACKED_LENGTH = 16;
  private static final HexFormat HEX = HexFormat.of(); // lowercase

  /** The fingerprint as text, or {@code null} when it is {@link #packed}. */
  private final String text;
  private final long packed;
  private final long startsAtMillis;

  public IncidentKey(String fingerprint, long startsAtMillis) {
    boolean packable = isPackable(fingerprint);
    this.text = packable ? null : fingerprint;
    this.packed = packable ? HexFormat.fromHexDigitsToLong(fingerprint) : 0;
    this.startsAtMillis = startsAtMillis;
  }

  public static IncidentKey of(String fingerprint, Instant startsAt) {
    return new IncidentKey(fingerprint, startsAt.toEpochMilli());
  }

  /**
   * Exactly 16 lowercase hexadecimal digits: those give the text back unchanged ({@link HexFormat}
   * reads upper case too, which would make "ABC..." and "abc..." one key).
   */
  private static boolean isPackable(String fingerprint) {
    if (fingerprint.length() != PACKED_LENGTH) {
      return false;
    }
    for (int i = 0; i < PACKED_LENGTH; i++) {
      char c = fingerprint.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The fingerprint as the alert gave it. */
  public String fingerprint() {
    return text != null ? text : HEX.toHexDigits(packed);
  }

  public long startsAtMillis() {
    return startsAtMillis;
  }

  public Instant startsAt() {
    return Instant.ofEpochMilli(startsAtMillis);
  }

  /** By start, then by fingerprint as text (two packed ones: the same order, as unsigned numbers). */
  @Override
  public int compareTo(IncidentKey other) {
    int byTime = Long.compare(startsAtMillis, other.startsAtMillis);
    if (byTime != 0) {
      return byTime;
    }
    if (text == null && other.text == null) {
      return Long.compareUnsigned(packed, other.packed);
    }
    return fingerprint().compareTo(other.fingerprint());
  }

  @Override
  public boolean equals(Object o) {
    // a packed fingerprint is never also held as text, so the two forms never need comparing
    return o instanceof IncidentKey other && startsAtMillis == other.startsAtMillis && packed == other.packed
        && (text == null ? other.text == null : text.equals(other.text));
  }

  @Override
  public int hashCode() {
    long fingerprintHash = text == null ? packed : text.hashCode();
    return 31 * Long.hashCode(fingerprintHash) + Long.hashCode(startsAtMillis);
  }

  @Override
  public String toString() {
    return fingerprint() + "@" + startsAt();
  }
}
