package com.saypro.monitor.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves by hand, so cache ages, SLA deadlines, checkpoint ages and fault schedules
 * are tested without sleeping. Thread-safe: readers on other threads see each move.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public static MutableClock startingNow() {
    return new MutableClock(Instant.now());
  }

  public static MutableClock atEpoch() {
    return new MutableClock(Instant.EPOCH);
  }

  public synchronized void advance(Duration by) {
    now = now.plus(by);
  }

  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this; // tests compare instants; the zone never matters
  }
}
