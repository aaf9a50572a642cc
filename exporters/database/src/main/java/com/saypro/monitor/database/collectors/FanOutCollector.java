package com.saypro.monitor.database.collectors;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.database.targets.DatabaseTarget;
import com.saypro.monitor.database.targets.TargetUnavailableException;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One collector name over a set of targets: all targets for {@code /metrics}, one for {@code
 * /probe}. Targets are collected at the same time, each on its own connection; a target that is
 * down is left out (its {@code saypro_db_up} is 0), and a query that fails on any target fails the
 * collection with a message naming the target, so no failure is ever hidden behind a success.
 */
public final class FanOutCollector implements SayproCollector {
  private final List<DatabaseTarget> targets;
  private final List<TargetCollector> collectors;
  private final ExecutorService parallel;

  /**
   * @param collectors the collector for each target, in the same order
   * @param parallel runs the other targets while the scrape's thread does the first
   */
  public FanOutCollector(List<DatabaseTarget> targets, List<TargetCollector> collectors, ExecutorService parallel) {
    if (targets.size() != collectors.size()) {
      throw new IllegalArgumentException("one collector per target");
    }
    this.targets = List.copyOf(targets);
    this.collectors = List.copyOf(collectors);
    this.parallel = parallel;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) throws Exception {
    List<Future<Outcome>> others = new ArrayList<>();
    for (int i = 1; i < targets.size(); i++) {
      int index = i;
      others.add(parallel.submit(() -> collectOne(index, context)));
    }
    List<Outcome> outcomes = new ArrayList<>();
    try {
      if (!targets.isEmpty()) {
        outcomes.add(collectOne(0, context));
      }
      for (int i = 0; i < others.size(); i++) {
        outcomes.add(await(others.get(i), targets.get(i + 1), context));
      }
    } finally {
      others.forEach(f -> f.cancel(true));
    }
    Samples merged = new Samples();
    List<String> failures = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.failure() != null) {
        failures.add(outcome.failure());
      } else if (outcome.samples() != null) {
        merged.addAll(outcome.samples());
      }
    }
    if (!failures.isEmpty()) {
      throw new CollectionFailedException(String.join("; ", failures));
    }
    return merged.snapshots();
  }

  private Outcome collectOne(int index, CollectContext context) throws InterruptedException {
    DatabaseTarget target = targets.get(index);
    Samples own = new Samples();
    try {
      collectors.get(index).collect(target, context, own);
      return new Outcome(own, null);
    } catch (TargetUnavailableException e) {
      return new Outcome(null, null);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("deadline");
      }
      return new Outcome(null, "target " + target.name() + ": " + target.errors().describe(e));
    }
  }

  private static Outcome await(Future<Outcome> future, DatabaseTarget target, CollectContext context)
      throws InterruptedException {
    try {
      return future.get(Math.max(1, context.remaining().toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return new Outcome(null, "target " + target.name() + ": deadline exceeded");
    } catch (ExecutionException e) {
      return new Outcome(null, "target " + target.name() + ": " + target.errors().describe(e.getCause()));
    }
  }

  private record Outcome(Samples samples, String failure) {}
}
