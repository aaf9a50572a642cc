package com.saypro.monitor.core.collect;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collector under the runtime's care: starts its collections on a worker thread, never more
 * than one at a time, caches results for {@code min_interval}, and remembers the last outcome for
 * the landing page.
 *
 * <p>Single flight: a scrape that finds a collection already running joins it instead of starting
 * another, so ten concurrent scrapes of a cached collector cause one collection, and a collector
 * that hangs holds at most one thread. A failed collection is never cached: the next scrape tries
 * again, and no scrape ever sees an old success in place of a new failure.
 */
final class ManagedCollector implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagedCollector.class);

  private final CollectorSpec spec;
  private final CollectorSettings settings;
  private final SayproCollector collector;
  private final Clock clock;
  private final Set<String> declaredNames = new HashSet<>();
  private final AtomicLong collections = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private CompletableFuture<CollectionResult> inFlight; // guarded by this
  private Instant inFlightSince; // guarded by this
  private CollectionResult lastResult; // guarded by this; the newest finished collection

  ManagedCollector(
      CollectorSpec spec, List<MetricDef> configured, CollectorSettings settings, SayproCollector collector, Clock clock) {
    this.spec = spec;
    this.settings = settings;
    this.collector = collector;
    this.clock = clock;
    for (MetricDef def : spec.metrics()) {
      declaredNames.add(def.snapshotName());
    }
    for (MetricDef def : configured) {
      declaredNames.add(def.snapshotName());
    }
  }

  /** Whether a name filter asking for {@code snapshotName} needs this collector. */
  boolean produces(java.util.function.Predicate<String> includedNames) {
    for (String name : declaredNames) {
      if (includedNames.test(name)) {
        return true;
      }
    }
    return false;
  }

  CollectorSpec spec() {
    return spec;
  }

  CollectorSettings settings() {
    return settings;
  }

  long collections() {
    return collections.get();
  }

  /** Scrapes in which this collector reported success 0. */
  long failures() {
    return failures.get();
  }

  void scrapeFailed() {
    failures.incrementAndGet();
  }

  synchronized CollectionResult lastResult() {
    return lastResult;
  }

  /** When the collection now running started, or null. */
  synchronized Instant runningSince() {
    return inFlight == null ? null : inFlightSince;
  }

  /**
   * The result this scrape should see: a fresh cached one, the collection already running, or a new
   * collection. {@code scrape} identifies the scrape asking (see {@link CollectContext#scrape()}).
   * {@code scrapeDeadline} bounds an uncached collection; a cached one runs up to its
   * own timeout and may outlive the scrape that started it.
   */
  synchronized CompletableFuture<CollectionResult> fetch(
      Instant scrapeDeadline, Object scrape, ExecutorService workers, ScheduledExecutorService timer) {
    Instant now = clock.instant();
    if (settings.cached()
        && lastResult != null
        && lastResult.success()
        && Duration.between(lastResult.finished(), now).compareTo(settings.minInterval()) < 0) {
      return CompletableFuture.completedFuture(lastResult);
    }
    if (inFlight != null) {
      if (!settings.cached()) {
        // An uncached collection still running belongs to an earlier scrape that gave up on it:
        // it is hanging. Do not start a second one.
        return CompletableFuture.completedFuture(
            CollectionResult.failure("previous collection still running", now, Duration.ZERO));
      }
      return inFlight;
    }
    Instant deadline = collectionDeadline(now, scrapeDeadline);
    CompletableFuture<CollectionResult> result = new CompletableFuture<>();
    inFlight = result;
    inFlightSince = now;
    Future<?> task;
    try {
      task = workers.submit(() -> run(deadline, scrape, result));
    } catch (RejectedExecutionException e) {
      inFlight = null;
      return CompletableFuture.completedFuture(
          CollectionResult.failure("exporter is shutting down", now, Duration.ZERO));
    }
    long delay = Math.max(0, Duration.between(now, deadline).toNanos());
    ScheduledFuture<?> watchdog =
        timer.schedule(
            () -> {
              if (!result.isDone()) {
                task.cancel(true);
              }
            },
            delay,
            TimeUnit.NANOSECONDS);
    // The watchdog holds the result, and so every snapshot of the collection, until the deadline
    // (seconds after a collection that took milliseconds): drop it as soon as the result is in.
    result.whenComplete((outcome, error) -> watchdog.cancel(false));
    return result;
  }

  private Instant collectionDeadline(Instant now, Instant scrapeDeadline) {
    if (settings.timeout().isZero()) {
      // cached collections may outlive one scrape; give them at least the scrape's budget
      return settings.cached()
          ? later(scrapeDeadline, now.plus(Duration.ofSeconds(30)))
          : scrapeDeadline;
    }
    Instant own = now.plus(settings.timeout());
    return settings.cached() ? own : earlier(own, scrapeDeadline);
  }

  private void run(Instant deadline, Object scrape, CompletableFuture<CollectionResult> result) {
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    CollectionResult outcome;
    try {
      List<MetricSnapshot> snapshots = collector.collect(new CollectContext(deadline, clock, scrape));
      outcome =
          CollectionResult.success(
              checkDeclared(snapshots), clock.instant(), Duration.ofNanos(System.nanoTime() - startNanos));
    } catch (InterruptedException e) {
      outcome = failed("deadline exceeded", startNanos);
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      boolean interrupted = Thread.currentThread().isInterrupted();
      outcome = failed(interrupted ? "deadline exceeded" : describe(e), startNanos);
      if (!interrupted) {
        log.warn("collector {} failed: {}", spec.name(), describe(e));
        log.debug("collector {} failure", spec.name(), e);
      }
    } finally {
      Thread.interrupted(); // clear, so the pooled thread starts clean
    }
    collections.incrementAndGet();
    synchronized (this) {
      lastResult = outcome;
      inFlight = null;
    }
    result.complete(outcome);
    if (start.isAfter(deadline)) {
      log.debug("collector {} started after its deadline", spec.name());
    }
  }

  private CollectionResult failed(String reason, long startNanos) {
    return CollectionResult.failure(reason, clock.instant(), Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private List<MetricSnapshot> checkDeclared(List<MetricSnapshot> snapshots) {
    List<MetricSnapshot> out = new ArrayList<>(snapshots.size());
    Set<String> seen = new HashSet<>();
    for (MetricSnapshot snapshot : snapshots) {
      String name = snapshot.getMetadata().getName();
      if (!declaredNames.contains(name)) {
        throw new IllegalStateException("returned undeclared metric " + name);
      }
      if (!seen.add(name)) {
        throw new IllegalStateException("returned metric " + name + " twice");
      }
      out.add(snapshot);
    }
    return out;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return type;
    }
    String oneLine = message.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 300 ? type + ": " + oneLine.substring(0, 297) + "..." : type + ": " + oneLine;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public void close() {
    if (collector instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.warn("collector {} did not close cleanly: {}", spec.name(), describe(e));
      }
    }
  }
}
