package com.saypro.monitor.backup.drill;

import com.saypro.monitor.backup.config.BackupConfig;
import com.saypro.monitor.backup.config.DrillConfig;
import com.saypro.monitor.backup.process.CommandRunner;
import com.saypro.monitor.backup.source.JobState;
import com.saypro.monitor.backup.source.JobTracker;
import com.saypro.monitor.backup.source.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one restore drill: find the job's newest successful dump, create the scratch database,
 * restore, compare row counts, and always drop the scratch database at the end.
 */
public final class DrillRunner {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long MAX_TABLES_FILE = 64 * 1024;

  private final BackupConfig.Commands programs;
  private final Commands commands;
  private final Clock clock;

  public DrillRunner(BackupConfig.Commands programs, CommandRunner runner, Clock clock) {
    this.programs = programs;
    this.commands = new Commands(runner, clock);
    this.clock = clock;
  }

  /** Runs the drill; an interrupt ends it with {@link DrillFailure#INTERRUPTED} (the flag is then clear). */
  public DrillResult run(DrillConfig drill, JobTracker job) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    Instant deadline = started.plus(drill.timeout());
    Optional<Duration> restoreTime = Optional.empty();
    Optional<Duration> age = Optional.empty();
    ScratchDatabase scratch = scratch(drill);
    boolean created = false;
    try {
      JobState state = job.poll(started, Duration.ofSeconds(5));
      Run backup = state.newestSuccess().filter(r -> r.file().isPresent()).orElseThrow(() ->
          new DrillException(DrillFailure.NO_BACKUP, "job " + drill.job() + " has no successful backup file to restore"));
      Path dump = backup.file().get();
      age = Optional.of(Duration.between(backup.time(), started));
      Map<String, Long> recorded = recorded(drill, backup);
      long r0 = System.nanoTime();
      scratch.create(deadline);
      created = true;
      scratch.restore(dump, deadline);
      restoreTime = Optional.of(Duration.ofNanos(System.nanoTime() - r0));
      List<String> tables = tablesToCount(drill);
      List<Long> counts;
      if (tables.isEmpty()) {
        scratch.drop(deadline);
        counts = List.of();
      } else {
        counts = scratch.countAndDrop(tables, deadline);
      }
      created = false;
      String verified = verify(drill, tables, counts, recorded);
      return new DrillResult(started, true, Optional.empty(), "restored " + dump.getFileName() + "; " + verified,
          restoreTime, age, Duration.ofNanos(System.nanoTime() - t0));
    } catch (DrillException e) {
      String message = e.getMessage();
      if (created) {
        message += dropQuietly(scratch, drill);
      }
      return new DrillResult(started, false, Optional.of(e.failure()), message, restoreTime, age,
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (InterruptedException e) {
      // a reload or shutdown: the interrupt flag is clear here, so the drop can run; the caller
      // records the run and restores the flag
      String message = "interrupted: the exporter was reloaded or stopped while the drill ran";
      if (created) {
        message += dropQuietly(scratch, drill);
      }
      return new DrillResult(started, false, Optional.of(DrillFailure.INTERRUPTED), message, restoreTime, age,
          Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  private String dropQuietly(ScratchDatabase scratch, DrillConfig drill) {
    try {
      // a drill out of time still cleans up, with a little time of its own
      scratch.drop(clock.instant().plus(Duration.ofMinutes(1)));
      return "";
    } catch (DrillException e) {
      return "; and the scratch database " + drill.scratch().database() + " could not be dropped: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "; interrupted before the scratch database was dropped";
    }
  }

  private ScratchDatabase scratch(DrillConfig drill) {
    return drill.engine() == DrillConfig.Engine.POSTGRESQL
        ? new PostgresScratch(drill.scratch(), programs.psql(), programs.pgRestore(), commands)
        : new MysqlScratch(drill.scratch(), programs.mariadb(), commands);
  }

  /** Counts recorded at backup time: from the status file, or a {@code DUMP.tables.json} next to the dump. */
  private static Map<String, Long> recorded(DrillConfig drill, Run backup) throws DrillException {
    if (drill.verifyTables().isEmpty()) {
      return Map.of();
    }
    Map<String, Long> counts = new LinkedHashMap<>(backup.tables());
    Path sidecar = backup.file().get().resolveSibling(backup.file().get().getFileName() + ".tables.json");
    if (counts.isEmpty() && Files.isRegularFile(sidecar)) {
      try {
        if (Files.size(sidecar) > MAX_TABLES_FILE) {
          throw new DrillException(DrillFailure.NO_RECORDED_COUNTS, sidecar.getFileName() + " is too large");
        }
        JsonNode root = MAPPER.readTree(sidecar.toFile());
        if (root != null && root.isObject()) {
          root.fields().forEachRemaining(f -> {
            if (f.getValue().canConvertToLong()) {
              counts.put(f.getKey(), f.getValue().asLong());
            }
          });
        }
      } catch (IOException e) {
        throw new DrillException(DrillFailure.NO_RECORDED_COUNTS, sidecar.getFileName() + " is not valid JSON");
      }
    }
    for (String table : drill.verifyTables()) {
      if (!counts.containsKey(table)) {
        throw new DrillException(DrillFailure.NO_RECORDED_COUNTS, "the backup recorded no row count for table " + table
            + " (status file \"tables\" or " + sidecar.getFileName() + ")");
      }
    }
    return counts;
  }

  /** The tables whose rows a drill counts: the verified ones, then those with a minimum only. */
  private static List<String> tablesToCount(DrillConfig drill) {
    List<String> tables = new ArrayList<>(drill.verifyTables());
    drill.minRows().keySet().stream().filter(t -> !tables.contains(t)).forEach(tables::add);
    return tables;
  }

  private static String verify(DrillConfig drill, List<String> tables, List<Long> counts, Map<String, Long> recorded)
      throws DrillException {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      String table = tables.get(i);
      long actual = counts.get(i);
      Long expected = recorded.get(table);
      if (drill.verifyTables().contains(table) && expected != null && expected != actual) {
        wrong.add(table + " has " + actual + " rows, the backup recorded " + expected);
      }
      Long min = drill.minRows().get(table);
      if (min != null && actual < min) {
        wrong.add(table + " has " + actual + " rows, expected at least " + min);
      }
    }
    if (!wrong.isEmpty()) {
      throw new DrillException(DrillFailure.VERIFY_FAILED, String.join("; ", wrong));
    }
    return tables.size() + " table counts verified";
  }

  /** One row of counts, separated by | (psql -A) or tabs (mariadb --batch). */
  static List<Long> parseCounts(String out, int expected) throws DrillException {
    String line = out.strip();
    String[] parts = line.isEmpty() ? new String[0] : line.split("[|\\t]");
    if (parts.length != expected) {
      throw new DrillException(DrillFailure.VERIFY_FAILED, "the count query returned " + parts.length + " values, not " + expected);
    }
    List<Long> counts = new ArrayList<>();
    for (String p : parts) {
      try {
        counts.add(Long.parseLong(p.strip()));
      } catch (NumberFormatException e) {
        throw new DrillException(DrillFailure.VERIFY_FAILED, "the count query returned something other than a number");
      }
    }
    return counts;
  }
}
