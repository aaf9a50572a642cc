package com.saypro.monitor.marketplace;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs journeys and checks in the background, each at its own interval, on a few daemon threads.
 * A run that throws is logged and the schedule goes on (an uncaught exception would silently cancel
 * every later run of a scheduled task). Closing stops scheduling; a run in flight ends at its own
 * deadline, since socket reads are bounded but not interruptible.
 */
final class ProbeScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProbeScheduler.class);

  private final ScheduledThreadPoolExecutor executor;

  ProbeScheduler(int tasks) {
    AtomicInteger count = new AtomicInteger();
    this.executor = new ScheduledThreadPoolExecutor(Math.max(1, Math.min(tasks, 8)), runnable -> {
      Thread thread = new Thread(runnable, "marketplace-probe-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  void every(String what, Duration interval, Duration firstAfter, Runnable run) {
    executor.scheduleAtFixedRate(() -> {
      try {
        run.run();
      } catch (RuntimeException e) {
        log.warn("background run of {} failed unexpectedly: {}", what, e.toString());
      }
    }, firstAfter.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
