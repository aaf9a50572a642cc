package com.saypro.monitor.backup;

import com.saypro.monitor.backup.collectors.DrillsCollector;
import com.saypro.monitor.backup.collectors.JobsCollector;
import com.saypro.monitor.backup.config.BackupConfig;
import com.saypro.monitor.backup.config.DrillConfig;
import com.saypro.monitor.backup.config.JobConfig;
import com.saypro.monitor.backup.config.SourceConfig;
import com.saypro.monitor.backup.drill.DrillHistory;
import com.saypro.monitor.backup.drill.DrillRecord;
import com.saypro.monitor.backup.drill.DrillRunner;
import com.saypro.monitor.backup.drill.DrillService;
import com.saypro.monitor.backup.process.CommandRunner;
import com.saypro.monitor.backup.source.Checksums;
import com.saypro.monitor.backup.source.DirectoryListings;
import com.saypro.monitor.backup.source.FolderSource;
import com.saypro.monitor.backup.source.JobSource;
import com.saypro.monitor.backup.source.JobState;
import com.saypro.monitor.backup.source.JobTracker;
import com.saypro.monitor.backup.source.ResticSource;
import com.saypro.monitor.backup.source.StatusFileSource;
import com.saypro.monitor.backup.web.DrillHandler;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The backup exporter, running: one tracker per job, the drill service, and {@code POST /drill}. */
final class BackupExporter implements Exporter {
  private final BackupConfig config;
  private final Map<String, JobTracker> jobs;
  private final DrillService drills;
  private final Checksums checksums;
  private final DirectoryListings listings;
  private final ExecutorService pool;
  private final Map<String, SayproCollector> collectors = new LinkedHashMap<>();

  private BackupExporter(BackupConfig config, Map<String, JobTracker> jobs, DrillService drills, Checksums checksums,
      DirectoryListings listings, ExecutorService pool, ExporterContext context) {
    this.config = config;
    this.jobs = jobs;
    this.drills = drills;
    this.checksums = checksums;
    this.listings = listings;
    this.pool = pool;
    if (context.enabled(JobsCollector.NAME)) {
      collectors.put(JobsCollector.NAME, new JobsCollector(List.copyOf(jobs.values()), pool, checksums, listings));
    }
    if (context.enabled(DrillsCollector.NAME)) {
      collectors.put(DrillsCollector.NAME, new DrillsCollector(drills));
    }
  }

  static BackupExporter start(BackupConfig config, ExporterContext context) {
    Checksums checksums = new Checksums();
    DirectoryListings listings = new DirectoryListings(context.clock());
    CommandRunner runner = new CommandRunner();
    ExecutorService pool = Executors.newFixedThreadPool(4, daemon("backup-poll"));
    Map<String, JobTracker> jobs = new LinkedHashMap<>();
    for (JobConfig job : config.jobs()) {
      JobSource source;
      if (job.source() instanceof SourceConfig.StatusFile s) {
        source = new StatusFileSource(job.name(), s, checksums);
      } else if (job.source() instanceof SourceConfig.Folder f) {
        source = new FolderSource(f, listings, checksums);
      } else {
        source = new ResticSource((SourceConfig.Restic) job.source(), config.commands().restic(), runner, pool,
            context.clock());
      }
      jobs.put(job.name(), new JobTracker(job, source));
    }
    DrillService drills = new DrillService(config.drills(), jobs,
        new DrillRunner(config.commands(), runner, context.clock()), new DrillHistory(config.stateFolder()),
        context.clock());
    return new BackupExporter(config, jobs, drills, checksums, listings, pool, context);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public Map<String, SayproCollector> collectors() {
    return collectors;
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route("/drill", "run a restore drill now: POST /drill?name=NAME[&wait=true] with the bearer token",
        new DrillHandler(drills, config.drillToken())));
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    if (jobs.isEmpty()) {
      lines.add("no backup jobs configured: give --config.file with jobs (see exporters/backup/README.md)");
    }
    for (JobTracker tracker : jobs.values()) {
      JobConfig job = tracker.config();
      String head = "job " + job.name() + " (" + job.source().type() + ", " + job.criticality().label() + ", max age "
          + job.maxAge().toHours() + "h)";
      Optional<JobState> state = tracker.last();
      lines.add(head + state.map(s -> s.sourceOk() ? ": source ok" : ": " + s.detail()).orElse(": not polled yet"));
    }
    for (DrillConfig drill : drills.drills().values()) {
      DrillRecord r = drills.record(drill.name());
      lines.add("drill " + drill.name() + " (job " + drill.job() + ", scratch " + drill.scratch().describe() + ", every "
          + drill.interval().toDays() + "d" + (drill.scheduled() ? "" : ", on demand only") + "): "
          + (drills.isRunning(drill.name()) ? "running" : r.message()));
    }
    lines.add(config.drillToken().isPresent() ? "on-demand drills: POST /drill with the bearer token"
        : "on-demand drills: off (no drill_api.bearer_token_file)");
    return lines;
  }

  @Override
  public void close() {
    drills.close();
    pool.shutdownNow();
    checksums.close();
    for (JobTracker tracker : jobs.values()) {
      try {
        tracker.close();
      } catch (Exception e) {
        // nothing to release beyond the threads above
      }
    }
  }
}
