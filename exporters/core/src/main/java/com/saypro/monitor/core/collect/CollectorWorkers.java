package com.saypro.monitor.core.collect;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads collectors run on, shared by every exporter of one JVM. Threads are created on demand
 * and end after a minute idle; a hanging collector holds at most one of them (see {@link
 * ManagedCollector}).
 */
public final class CollectorWorkers implements AutoCloseable {
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;

  public CollectorWorkers() {
    this.executor = Executors.newCachedThreadPool(daemon("collector-"));
    ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1, daemon("collector-timer-"));
    scheduled.setRemoveOnCancelPolicy(true);
    this.timer = scheduled;
  }

  ExecutorService executor() {
    return executor;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
    timer.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
