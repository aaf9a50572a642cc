package com.saypro.monitor.backup.source;

import com.saypro.monitor.backup.config.JobConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns a job's polls into its reported state: counts each run once (a run is new when it is later
 * than the newest run counted before, so pruned old dumps never count again), keeps the last
 * success across a failed run, and compares the newest backup's size with the one before it.
 */
public final class JobTracker implements AutoCloseable {
  private final JobConfig config;
  private final JobSource source;
  private Run lastCounted;
  private long successes;
  private long failures;
  private final long[] errors = new long[SourceError.values().length];
  private SourceError lastError;
  private String lastErrorVersion;
  private Instant lastSuccess;
  private Run newest;
  private OptionalLong previousBytes = OptionalLong.empty();
  private JobState state;

  public JobTracker(JobConfig config, JobSource source) {
    this.config = config;
    this.source = source;
  }

  public JobConfig config() {
    return config;
  }

  /** Polls the source and returns the job's new state. */
  public synchronized JobState poll(Instant now, Duration budget) throws InterruptedException {
    Observation seen = source.poll(now, budget);
    countError(seen);
    List<Run> runs = seen.runs();
    countNewRuns(runs);
    seen.lastSuccessHint().ifPresent(this::success);
    Run newestNow = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    Optional<Run> newestOk = runs.stream().filter(Run::success).reduce((a, b) -> b);
    Optional<Boolean> integrity = seen.integrity();
    if (seen.attemptInProgress().isPresent() && runs.isEmpty() && state != null) {
      // a status file saying "running" shows no run: the last finished backup still stands
      newestOk = state.newestSuccess();
      integrity = state.integrity();
    }
    newestOk.ifPresent(r -> success(r.time()));
    if (newestNow != null && (newest == null || !newestNow.key().equals(newest.key()))) {
      previousBytes = previousSize(runs, seen.previousBytesHint());
      newest = newestNow;
    } else if (newestNow != null) {
      newest = newestNow; // the same run, perhaps grown
    }
    Optional<Instant> attempt = Optional.ofNullable(newest).map(Run::time);
    if (seen.attemptInProgress().isPresent()) {
      attempt = seen.attemptInProgress();
    }
    Run sized = newestOk.orElse(null);
    OptionalLong size = sized == null ? OptionalLong.empty() : sized.bytes();
    double ratio = 1.0;
    if (size.isPresent() && previousBytes.isPresent() && previousBytes.getAsLong() > 0) {
      ratio = (double) size.getAsLong() / previousBytes.getAsLong();
    }
    state = new JobState(seen.error().isEmpty(), seen.detail(), attempt, Optional.ofNullable(lastSuccess),
        Optional.ofNullable(newest).flatMap(Run::duration), size, ratio, ratio >= config.minSizeRatio(),
        integrity, successes, failures, errors.clone(), newestOk);
    return state;
  }

  /**
   * Counts each distinct broken state once, however often it is polled: a change into an error
   * (from no error or another reason), or a new version of a broken file (a rewritten status file
   * that is still malformed, a new dump without its checksum file).
   */
  private void countError(Observation seen) {
    if (seen.error().isEmpty()) {
      lastError = null;
      lastErrorVersion = null;
      return;
    }
    SourceError error = seen.error().get();
    if (error != lastError || !seen.errorVersion().equals(lastErrorVersion)) {
      errors[error.ordinal()]++;
    }
    lastError = error;
    lastErrorVersion = seen.errorVersion();
  }

  /** The state of the last poll, if any (for the landing page). */
  public synchronized Optional<JobState> last() {
    return Optional.ofNullable(state);
  }

  private void success(Instant at) {
    if (lastSuccess == null || at.isAfter(lastSuccess)) {
      lastSuccess = at;
    }
  }

  private void countNewRuns(List<Run> runs) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      Run run = runs.get(i);
      if (lastCounted != null && Run.chronological(run, lastCounted) <= 0) {
        break;
      }
      if (run.success()) {
        successes++;
      } else {
        failures++;
      }
    }
    if (!runs.isEmpty()) {
      Run last = runs.get(runs.size() - 1);
      if (lastCounted == null || Run.chronological(last, lastCounted) > 0) {
        lastCounted = last;
      }
    }
  }

  /** The size of the successful backup before the newest one: from the runs, the hint, or memory. */
  private OptionalLong previousSize(List<Run> runs, OptionalLong hint) {
    List<Run> ok = runs.stream().filter(Run::success).toList();
    if (ok.size() >= 2 && ok.get(ok.size() - 2).bytes().isPresent()) {
      return ok.get(ok.size() - 2).bytes();
    }
    if (hint.isPresent()) {
      return hint;
    }
    if (newest != null && newest.success()) {
      return newest.bytes();
    }
    return previousBytes;
  }

  @Override
  public void close() throws Exception {
    source.close();
  }
}
