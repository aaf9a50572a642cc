package com.saypro.monitor.backup.collectors;

import com.saypro.monitor.backup.config.JobConfig;
import com.saypro.monitor.backup.source.Checksums;
import com.saypro.monitor.backup.source.DirectoryListings;
import com.saypro.monitor.backup.source.JobState;
import com.saypro.monitor.backup.source.JobTracker;
import com.saypro.monitor.backup.source.SourceError;
import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every backup job's outcome, freshness, size and integrity. Jobs are polled in parallel; a job
 * whose poll does not finish within the scrape's budget is left out of that scrape.
 *
 * <pre>
 * saypro_backup_job_info{backup_job="nightly-postgresql",criticality="critical",source="status_file"} 1
 * saypro_backup_last_attempt_timestamp_seconds{backup_job="nightly-postgresql"} 1.7959e9
 * saypro_backup_last_success_timestamp_seconds{backup_job="nightly-postgresql"} 1.7959e9
 * saypro_backup_max_age_seconds{backup_job="nightly-postgresql"} 93600
 * saypro_backup_runs_total{backup_job="nightly-postgresql",outcome="success"} 3
 * saypro_backup_runs_total{backup_job="nightly-postgresql",outcome="failure"} 1
 * saypro_backup_duration_seconds{backup_job="nightly-postgresql"} 190
 * saypro_backup_size_bytes{backup_job="nightly-postgresql"} 1.2e8
 * saypro_backup_size_change_ratio{backup_job="nightly-postgresql"} 0.98
 * saypro_backup_size_ok{backup_job="nightly-postgresql"} 1
 * saypro_backup_integrity_ok{backup_job="nightly-postgresql"} 1
 * saypro_backup_integrity_checked{backup_job="nightly-postgresql"} 1
 * saypro_backup_source_ok{backup_job="nightly-postgresql"} 1
 * saypro_backup_source_errors_total{backup_job="nightly-postgresql",reason="malformed"} 0
 * </pre>
 */
public final class JobsCollector implements SayproCollector {
  public static final String NAME = "jobs";

  static final MetricDef INFO = MetricDef.gauge("saypro_backup_job_info",
      "Always 1: the job's source type (status_file, folder, restic) and criticality (critical, normal).",
      "backup_job", "source", "criticality");
  static final MetricDef LAST_ATTEMPT = MetricDef.gauge("saypro_backup_last_attempt_timestamp_seconds",
      "When the newest run ended (or, while one runs, started), Unix seconds.", "backup_job");
  static final MetricDef LAST_SUCCESS = MetricDef.gauge("saypro_backup_last_success_timestamp_seconds",
      "When the newest successful run ended, Unix seconds.", "backup_job");
  static final MetricDef MAX_AGE = MetricDef.gauge("saypro_backup_max_age_seconds",
      "The configured maximum age of the last success (the expected schedule).", "backup_job");
  static final MetricDef RUNS = MetricDef.counter("saypro_backup_runs_total",
      "Backup runs seen since the exporter started (folder and restic: every backup present at start counts once).",
      "backup_job", "outcome");
  static final MetricDef DURATION = MetricDef.gauge("saypro_backup_duration_seconds",
      "How long the newest run took (status files; restic 0.17+).", "backup_job");
  static final MetricDef SIZE = MetricDef.gauge("saypro_backup_size_bytes",
      "Size of the newest successful backup.", "backup_job");
  static final MetricDef SIZE_CHANGE = MetricDef.gauge("saypro_backup_size_change_ratio",
      "Newest backup size divided by the previous one's; 1 when either is unknown.", "backup_job");
  static final MetricDef SIZE_OK = MetricDef.gauge("saypro_backup_size_ok",
      "0 when the newest backup shrank below the job's min_size_ratio of the previous one.", "backup_job");
  static final MetricDef INTEGRITY = MetricDef.gauge("saypro_backup_integrity_ok",
      "1 when the newest backup matches its recorded sha256 (or restic check passed); absent while unchecked.",
      "backup_job");
  static final MetricDef INTEGRITY_CHECKED = MetricDef.gauge("saypro_backup_integrity_checked",
      "1 when saypro_backup_integrity_ok holds a verdict on the newest backup; 0 when it was not verified: no "
          + "checksum recorded or configured, hash still being computed, restic check not run yet.", "backup_job");
  static final MetricDef SOURCE_OK = MetricDef.gauge("saypro_backup_source_ok",
      "1 when the job's status file, folder or repository was readable and valid at this scrape.", "backup_job");
  static final MetricDef SOURCE_ERRORS = MetricDef.counter("saypro_backup_source_errors_total",
      "Times the job's source became broken, by reason: once per change into an error or new broken version of "
          + "the file, not once per scrape.", "backup_job", "reason");

  static final MetricDef CHECKSUM_READS = MetricDef.counter("saypro_backup_checksum_reads_total",
      "Backup files read to compute their sha256 (each version of a file is read once).");
  static final MetricDef LISTINGS = MetricDef.counter("saypro_backup_folder_listings_total",
      "Times a backup folder was listed (only when its modification time changed).");

  public static final CollectorSpec SPEC = CollectorSpec.of(NAME,
      "backup jobs: last attempt and success, outcomes, duration, size and its change, integrity, source errors",
      INFO, LAST_ATTEMPT, LAST_SUCCESS, MAX_AGE, RUNS, DURATION, SIZE, SIZE_CHANGE, SIZE_OK, INTEGRITY, INTEGRITY_CHECKED,
      SOURCE_OK, SOURCE_ERRORS, CHECKSUM_READS, LISTINGS);

  private final List<JobTracker> jobs;
  private final ExecutorService pool;
  private final Checksums checksums;
  private final DirectoryListings listings;

  public JobsCollector(List<JobTracker> jobs, ExecutorService pool, Checksums checksums, DirectoryListings listings) {
    this.jobs = List.copyOf(jobs);
    this.pool = pool;
    this.checksums = checksums;
    this.listings = listings;
  }

  @Override
  public List<MetricSnapshot> collect(CollectContext context) throws Exception {
    Duration budget = context.remaining().minusMillis(100);
    List<Future<JobState>> polls = new ArrayList<>();
    for (JobTracker job : jobs) {
      polls.add(pool.submit(() -> job.poll(context.clock().instant(), budget.isNegative() ? Duration.ZERO : budget)));
    }
    MetricDef.Points info = INFO.points();
    MetricDef.Points attempt = LAST_ATTEMPT.points();
    MetricDef.Points success = LAST_SUCCESS.points();
    MetricDef.Points maxAge = MAX_AGE.points();
    MetricDef.Points runs = RUNS.points();
    MetricDef.Points duration = DURATION.points();
    MetricDef.Points size = SIZE.points();
    MetricDef.Points change = SIZE_CHANGE.points();
    MetricDef.Points sizeOk = SIZE_OK.points();
    MetricDef.Points integrity = INTEGRITY.points();
    MetricDef.Points checked = INTEGRITY_CHECKED.points();
    MetricDef.Points sourceOk = SOURCE_OK.points();
    MetricDef.Points errors = SOURCE_ERRORS.points();
    for (int i = 0; i < jobs.size(); i++) {
      JobConfig job = jobs.get(i).config();
      String name = job.name();
      info.add(1, name, job.source().type(), job.criticality().label());
      maxAge.add(job.maxAge().toSeconds(), name);
      JobState state;
      try {
        state = polls.get(i).get(Math.max(0, context.remaining().toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        polls.get(i).cancel(true);
        continue;
      }
      state.lastAttemptSeconds().ifPresent(v -> attempt.add(v, name));
      state.lastSuccessSeconds().ifPresent(v -> success.add(v, name));
      runs.add(state.successes(), name, "success");
      runs.add(state.failures(), name, "failure");
      state.duration().ifPresent(d -> duration.add(d.toMillis() / 1000.0, name));
      state.size().ifPresent(v -> size.add(v, name));
      change.add(state.sizeRatio(), name);
      sizeOk.add(state.sizeOk() ? 1 : 0, name);
      state.integrity().ifPresent(ok -> integrity.add(ok ? 1 : 0, name));
      checked.add(state.integrity().isPresent() ? 1 : 0, name);
      sourceOk.add(state.sourceOk() ? 1 : 0, name);
      for (SourceError reason : SourceError.values()) {
        errors.add(state.errors()[reason.ordinal()], name, reason.label());
      }
    }
    return List.of(info.build(), attempt.build(), success.build(), maxAge.build(), runs.build(), duration.build(),
        size.build(), change.build(), sizeOk.build(), integrity.build(), checked.build(), sourceOk.build(), errors.build(),
        CHECKSUM_READS.points().add(checksums.filesHashed()).build(), LISTINGS.points().add(listings.listings()).build());
  }
}
