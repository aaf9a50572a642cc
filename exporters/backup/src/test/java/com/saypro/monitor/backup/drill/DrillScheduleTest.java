package com.saypro.monitor.backup.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.backup.config.BackupConfig;
import com.saypro.monitor.backup.config.Criticality;
import com.saypro.monitor.backup.config.DatabaseEndpoint;
import com.saypro.monitor.backup.config.DrillConfig;
import com.saypro.monitor.backup.config.JobConfig;
import com.saypro.monitor.backup.config.SourceConfig;
import com.saypro.monitor.backup.process.CommandRunner;
import com.saypro.monitor.backup.source.Checksums;
import com.saypro.monitor.backup.source.JobTracker;
import com.saypro.monitor.backup.source.StatusFileSource;
import com.saypro.monitor.core.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drill schedule, driven by a {@link MutableClock} instead of the one-minute ticker. The job has
 * no backup yet, so every drill that runs fails at once with {@code no_backup}: a real run of the
 * real runner that is recorded like any other, without a database.
 */
class DrillScheduleTest {
  private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

  private Path dir;
  private MutableClock clock;
  private Checksums checksums;
  private Map<String, JobTracker> jobs;

  @BeforeEach
  void setUp() throws Exception {
    dir = Files.createTempDirectory("backup-schedule-");
    clock = new MutableClock(T0);
    checksums = new Checksums();
    JobConfig job = new JobConfig("nightly", Criticality.NORMAL, Duration.ofHours(26), 0.5,
        new SourceConfig.StatusFile(Files.createDirectories(dir.resolve("state")), "nightly.json"));
    jobs = Map.of("nightly", new JobTracker(job, new StatusFileSource("nightly", (SourceConfig.StatusFile) job.source(), checksums)));
  }

  @AfterEach
  void tearDown() {
    checksums.close();
  }

  private static DrillConfig drill(String name, boolean scheduled) {
    DatabaseEndpoint scratch = new DatabaseEndpoint("127.0.0.1", 5432, "saypro_drill", "postgres", Optional.empty(), "postgres");
    return new DrillConfig(name, "nightly", DrillConfig.Engine.POSTGRESQL, Duration.ofDays(7), scheduled,
        Duration.ofMinutes(1), List.of(new DatabaseEndpoint("db1", 5432, "saypro", "postgres", Optional.empty(), "postgres")),
        scratch, List.of(), Map.of("users", 1L));
  }

  private DrillService service() {
    return new DrillService(List.of(drill("weekly", true), drill("manual", false)), jobs,
        new DrillRunner(BackupConfig.Commands.DEFAULT, new CommandRunner(), clock), new DrillHistory(dir.resolve("drill-state")),
        clock, false);
  }

  private static List<DrillResult> finish(List<CompletableFuture<DrillResult>> started) throws Exception {
    List<DrillResult> results = new java.util.ArrayList<>();
    for (CompletableFuture<DrillResult> f : started) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void runsWhenTheIntervalHasPassedNotBeforeAndRemembersAcrossARestart() throws Exception {
    try (DrillService drills = service()) {
      // never ran: due at once; the on-demand drill never runs on its own
      List<DrillResult> first = finish(drills.runDue());
      assertThat(first).hasSize(1);
      assertThat(first.get(0).failure()).contains(DrillFailure.NO_BACKUP);
      assertThat(drills.record("weekly").lastRunSeconds()).contains((double) T0.getEpochSecond());
      assertThat(drills.record("weekly").failures()).isEqualTo(1);
      assertThat(drills.record("manual").lastRunSeconds()).isEmpty();

      clock.advance(Duration.ofDays(7).minusSeconds(1));
      assertThat(drills.runDue()).isEmpty();
      assertThat(drills.record("weekly").failures()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(1));
      assertThat(finish(drills.runDue())).hasSize(1);
      assertThat(drills.record("weekly").lastRunSeconds()).contains((double) T0.plus(Duration.ofDays(7)).getEpochSecond());
      assertThat(drills.record("weekly").failures()).isEqualTo(2);
      assertThat(drills.runDue()).isEmpty();
    }
    assertThat(dir.resolve("drill-state/drills.json")).exists();

    // a restart reads drills.json: the record is back and the drill is not run early
    clock.advance(Duration.ofDays(3));
    try (DrillService drills = service()) {
      DrillRecord restored = drills.record("weekly");
      assertThat(restored.lastRunSeconds()).contains((double) T0.plus(Duration.ofDays(7)).getEpochSecond());
      assertThat(restored.failures()).isEqualTo(2);
      assertThat(restored.failure()).contains("no_backup");
      assertThat(restored.lastSuccess()).contains(false);
      assertThat(drills.runDue()).isEmpty();
      clock.advance(Duration.ofDays(4));
      assertThat(finish(drills.runDue())).hasSize(1);
      assertThat(drills.record("weekly").failures()).isEqualTo(3);
    }
  }

  @Test
  void anInterruptedDrillIsDueAgainAtOnce() throws Exception {
    DrillHistory history = new DrillHistory(dir.resolve("drill-state"));
    history.update("weekly", r -> r.after(new DrillResult(T0, false, Optional.of(DrillFailure.INTERRUPTED), "interrupted",
        Optional.empty(), Optional.empty(), Duration.ZERO)));
    clock.advance(Duration.ofMinutes(1));
    try (DrillService drills = service()) {
      assertThat(drills.record("weekly").failure()).contains("interrupted");
      assertThat(finish(drills.runDue())).hasSize(1);
      assertThat(drills.record("weekly").failure()).contains("no_backup");
      assertThat(drills.record("weekly").failures()).isEqualTo(2);
      assertThat(drills.runDue()).isEmpty(); // an ordinary failure waits for the interval
    }
  }
}
