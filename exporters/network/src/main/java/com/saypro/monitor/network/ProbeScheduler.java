package com.saypro.monitor.network;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes, DNS checks and pool checks in the background, each on its own interval, on daemon
 * threads (one per task, at most 32: probes mostly wait on the network, and a dead target's burst
 * of timeouts must not hold up the others); the first run of each starts at once. A run that
 * throws is logged and the schedule goes on (an uncaught exception would cancel every later run).
 */
final class ProbeScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProbeScheduler.class);

  private final ScheduledThreadPoolExecutor executor;

  ProbeScheduler(int tasks) {
    AtomicInteger count = new AtomicInteger();
    this.executor = new ScheduledThreadPoolExecutor(Math.max(1, Math.min(tasks, 32)), runnable -> {
      Thread thread = new Thread(runnable, "network-probe-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  void every(String what, Duration interval, Task task) {
    executor.scheduleAtFixedRate(() -> {
      try {
        task.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        if (executor.isShutdown()) {
          // closing (a reload, a shutdown, --config.check): a run cut short here is expected
          log.debug("background run of {} stopped by close: {}", what, e.toString());
        } else {
          log.warn("background run of {} failed unexpectedly: {}", what, e.toString());
        }
      }
    }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** One scheduled run. */
  @FunctionalInterface
  interface Task {
    void run() throws InterruptedException;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
