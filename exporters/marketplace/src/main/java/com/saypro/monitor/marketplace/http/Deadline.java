package com.saypro.monitor.marketplace.http;

/**
 * A point on the monotonic clock ({@link System#nanoTime()}) by which something must be done. Every
 * blocking call of a probe is bounded by one, so a silent or slow target ends in {@code timeout},
 * never in a hang.
 */
public record Deadline(long nanos) {
  public static Deadline after(java.time.Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  /** The earlier of this deadline and {@code duration} from now. */
  public Deadline atMost(java.time.Duration duration) {
    long other = System.nanoTime() + duration.toNanos();
    return other - nanos < 0 ? new Deadline(other) : this;
  }

  public long remainingNanos() {
    return nanos - System.nanoTime();
  }

  public boolean passed() {
    return remainingNanos() <= 0;
  }

  /** Milliseconds left for a socket timeout: at least 1, since 0 would mean "wait forever". */
  public int socketTimeoutMillis() throws ProbeFailure {
    long left = remainingNanos();
    if (left <= 0) {
      throw new ProbeFailure(FailureReason.TIMEOUT, "deadline passed");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
  }
}
