package com.saypro.monitor.backup.source;

import java.time.Duration;
import java.time.Instant;

/** Reads one job's state. Never throws for bad input: a broken source is an {@link Observation#failed}. */
public interface JobSource extends AutoCloseable {
  /**
   * @param budget how long this poll may take (commands and checksums beyond it are left for later)
   */
  Observation poll(Instant now, Duration budget) throws InterruptedException;

  @Override
  default void close() {}
}
