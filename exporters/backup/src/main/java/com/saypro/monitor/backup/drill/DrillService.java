package com.saypro.monitor.backup.drill;

import com.saypro.monitor.backup.config.DrillConfig;
import com.saypro.monitor.backup.source.JobTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs drills on their schedule and on demand, one at a time (restores are heavy), never two of
 * the same name at once, and keeps their records.
 */
public final class DrillService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DrillService.class);
  private static final Duration TICK = Duration.ofMinutes(1);

  private final Map<String, DrillConfig> drills = new LinkedHashMap<>();
  private final Map<String, JobTracker> jobs;
  private final DrillRunner runner;
  private final DrillHistory history;
  private final Clock clock;
  private final Map<String, CompletableFuture<DrillResult>> running = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(daemon("backup-drill"));
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("backup-drill-schedule"));

  public DrillService(List<DrillConfig> drills, Map<String, JobTracker> jobs, DrillRunner runner, DrillHistory history,
      Clock clock) {
    this(drills, jobs, runner, history, clock, true);
  }

  /** {@code tick}: false leaves the schedule to whoever calls {@link #runDue()} (tests, with their own clock). */
  DrillService(List<DrillConfig> drills, Map<String, JobTracker> jobs, DrillRunner runner, DrillHistory history,
      Clock clock, boolean tick) {
    drills.forEach(d -> this.drills.put(d.name(), d));
    this.jobs = jobs;
    this.runner = runner;
    this.history = history;
    this.clock = clock;
    if (tick && drills.stream().anyMatch(DrillConfig::scheduled)) {
      ticker.scheduleWithFixedDelay(this::runDue, TICK.toSeconds(), TICK.toSeconds(), TimeUnit.SECONDS);
    }
  }

  public Map<String, DrillConfig> drills() {
    return drills;
  }

  /** The drill's record as {@code drills.json} holds it (also what an instance replaced by a reload wrote). */
  public DrillRecord record(String drill) {
    return history.current().getOrDefault(drill, DrillRecord.NONE);
  }

  public boolean isRunning(String drill) {
    return running.containsKey(drill);
  }

  /** Starts the drill unless one of the same name is running (then empty). */
  public Optional<CompletableFuture<DrillResult>> start(String name) {
    DrillConfig drill = drills.get(name);
    if (drill == null) {
      throw new IllegalArgumentException("no drill " + name);
    }
    CompletableFuture<DrillResult> future = new CompletableFuture<>();
    if (running.putIfAbsent(name, future) != null) {
      return Optional.empty();
    }
    try {
      executor.execute(() -> {
        try {
          DrillResult result = runner.run(drill, jobs.get(drill.job()));
          history.update(name, old -> old.after(result));
          if (result.success()) {
            LOG.info("drill {} succeeded: {}", name, result.message());
          } else {
            LOG.warn("drill {} failed: {}", name, result.message());
          }
          running.remove(name);
          future.complete(result);
          if (result.failure().equals(Optional.of(DrillFailure.INTERRUPTED))) {
            Thread.currentThread().interrupt(); // recorded; now let the executor stop
          }
        } catch (RuntimeException e) {
          running.remove(name);
          LOG.warn("drill {} stopped with {}", name, e.getClass().getSimpleName());
          future.completeExceptionally(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      running.remove(name);
      return Optional.empty();
    }
    return Optional.of(future);
  }

  /** Starts the drills whose interval has passed since their last run (or that never ran); returns those started. */
  List<CompletableFuture<DrillResult>> runDue() {
    Instant now = clock.instant();
    List<CompletableFuture<DrillResult>> started = new java.util.ArrayList<>();
    for (DrillConfig drill : drills.values()) {
      if (!drill.scheduled()) {
        continue;
      }
      DrillRecord record = record(drill.name());
      Optional<Double> last = record.lastRunSeconds();
      // an interrupted drill (reload, shutdown) did not test the backup: it is due again at once
      boolean due = last.isEmpty() || record.failure().equals(Optional.of(DrillFailure.INTERRUPTED.label()))
          || Instant.ofEpochMilli((long) (last.get() * 1000)).plus(drill.interval()).compareTo(now) <= 0;
      if (due && !isRunning(drill.name())) {
        start(drill.name()).ifPresent(started::add);
      }
    }
    return started;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    executor.shutdownNow();
    try {
      // a drill interrupted here still drops its scratch database; give it a moment
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
