package com.saypro.monitor.marketplace.journey;

import com.saypro.monitor.marketplace.Buckets;
import com.saypro.monitor.marketplace.http.FailureReason;
import com.saypro.monitor.marketplace.http.PhaseTimings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every run of every journey added up to since start-up (or the last reload): attempts,
 * failures by step and reason, duration histograms, and the last run. Background runs and {@code
 * /probe} runs both record here. Thread-safe.
 */
public final class JourneyStats {
  private final Map<String, JourneyState> journeys = new LinkedHashMap<>();

  public JourneyStats(List<Journey> configured, double[] bucketBounds) {
    for (Journey journey : configured) {
      journeys.put(journey.name(), new JourneyState(journey.stepNames(), bucketBounds));
    }
  }

  public synchronized void record(JourneyResult result) {
    JourneyState state = journeys.get(result.journey());
    state.attempts++;
    if (!result.success()) {
      state.failures++;
    }
    state.duration.observe(result.durationNanos() / 1e9);
    state.last = result;
    for (StepResult step : result.steps()) {
      StepState stepState = state.steps.get(step.step());
      stepState.attempts++;
      step.failure().ifPresent(reason -> stepState.failures.merge(reason, 1L, Long::sum));
      stepState.duration.observe(step.durationNanos() / 1e9);
      stepState.last = step;
    }
  }

  /** Calls {@code visitor} with a consistent view of every journey, in config order. */
  public synchronized void forEach(Visitor visitor) {
    journeys.forEach(visitor::visit);
  }

  /** Reads one journey's state while the stats are locked. */
  @FunctionalInterface
  public interface Visitor {
    void visit(String journey, JourneyState state);
  }

  /** The counters of one journey. Read only inside {@link #forEach}. */
  public static final class JourneyState {
    long attempts;
    long failures;
    final Buckets duration;
    JourneyResult last;
    final Map<String, StepState> steps = new LinkedHashMap<>();

    JourneyState(List<String> stepNames, double[] bounds) {
      duration = new Buckets(bounds);
      for (String step : stepNames) {
        steps.put(step, new StepState(bounds));
      }
    }

    public long attempts() {
      return attempts;
    }

    public long failures() {
      return failures;
    }

    public Buckets duration() {
      return duration;
    }

    /** The last run, or null before the first. */
    public JourneyResult last() {
      return last;
    }

    public Map<String, StepState> steps() {
      return steps;
    }
  }

  /** The counters of one step. */
  public static final class StepState {
    long attempts;
    final Map<FailureReason, Long> failures = new EnumMap<>(FailureReason.class);
    final Buckets duration;
    StepResult last;

    StepState(double[] bounds) {
      duration = new Buckets(bounds);
    }

    public long attempts() {
      return attempts;
    }

    public long failures(FailureReason reason) {
      return failures.getOrDefault(reason, 0L);
    }

    public Buckets duration() {
      return duration;
    }

    /** The last time it ran, or null. */
    public StepResult last() {
      return last;
    }

    public PhaseTimings lastPhases() {
      return last == null ? PhaseTimings.ZERO : last.phases();
    }
  }
}
