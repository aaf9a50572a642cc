package com.saypro.monitor.backup.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.backup.config.SourceConfig;
import com.saypro.monitor.backup.process.Command;
import com.saypro.monitor.backup.process.CommandResult;
import com.saypro.monitor.backup.process.CommandRunner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A restic repository, read through {@code restic --json snapshots} (every {@code refresh_interval})
 * and {@code restic stats --mode restore-size} (once per snapshot), and checked with {@code restic
 * check} every {@code check_interval}. The commands run on a background thread, so a slow remote
 * repository never holds a scrape beyond its budget; the password stays in its file
 * ({@code --password-file}).
 */
public final class ResticSource implements JobSource {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_SNAPSHOT_JSON = 32 * 1024 * 1024;

  private final SourceConfig.Restic config;
  private final String program;
  private final CommandRunner runner;
  private final ExecutorService background;
  private final Clock clock;
  private final Map<String, Long> sizes = new HashMap<>();
  private Future<Observation> refresh;
  private Instant refreshedAt = Instant.MIN;
  private Observation latest;
  private Future<Boolean> check;
  private Instant checkedAt = Instant.MIN;
  private Optional<Boolean> checkOk = Optional.empty();

  public ResticSource(SourceConfig.Restic config, String program, CommandRunner runner, ExecutorService background, Clock clock) {
    this.config = config;
    this.program = program;
    this.runner = runner;
    this.background = background;
    this.clock = clock;
  }

  @Override
  public Observation poll(Instant now, Duration budget) throws InterruptedException {
    Future<Observation> pending;
    synchronized (this) {
      if (refresh == null && Duration.between(refreshedAt, now).compareTo(config.refreshInterval()) >= 0) {
        refresh = background.submit(this::list);
      }
      if (check == null && Duration.between(checkedAt, now).compareTo(config.checkInterval()) >= 0) {
        check = background.submit(this::check);
      }
      pending = refresh;
    }
    if (pending != null) {
      try {
        Observation fresh = pending.get(Math.max(0, budget.toMillis()), TimeUnit.MILLISECONDS);
        synchronized (this) {
          latest = fresh;
          refreshedAt = now;
          refresh = null;
        }
      } catch (TimeoutException e) {
        // still running: report what we had
      } catch (ExecutionException e) {
        synchronized (this) {
          latest = Observation.failed(SourceError.COMMAND_FAILED, "restic could not be run");
          refreshedAt = now;
          refresh = null;
        }
      }
    }
    synchronized (this) {
      collectCheck();
      if (latest == null) {
        return Observation.failed(SourceError.TIMEOUT, "restic has not answered yet");
      }
      Observation base = latest;
      return new Observation(base.error(), base.detail(), base.runs(), checkOk, Optional.empty(), OptionalLong.empty(),
          Optional.empty(), "");
    }
  }

  private void collectCheck() {
    if (check != null && check.isDone()) {
      try {
        checkOk = Optional.of(check.get());
      } catch (ExecutionException | InterruptedException e) {
        checkOk = Optional.of(false);
      }
      checkedAt = clock.instant();
      check = null;
    }
  }

  private List<String> base(String subcommand) {
    List<String> argv = new ArrayList<>(List.of(program, "--repo", config.repository(), "--password-file",
        config.passwordFile().toString(), "--no-cache", "--quiet"));
    argv.add(subcommand);
    return argv;
  }

  private Observation list() throws IOException, InterruptedException {
    List<String> argv = base("snapshots");
    argv.addAll(List.of("--json", "--no-lock"));
    config.host().ifPresent(h -> argv.addAll(List.of("--host", h)));
    config.tag().ifPresent(t -> argv.addAll(List.of("--tag", t)));
    CommandResult result = runner.run(Command.of(argv, Map.of(), config.timeout()).withMaxStdout(MAX_SNAPSHOT_JSON));
    if (result.timedOut()) {
      return Observation.failed(SourceError.TIMEOUT, result.reason("restic snapshots"));
    }
    if (!result.ok()) {
      return Observation.failed(SourceError.COMMAND_FAILED, result.reason("restic snapshots"));
    }
    List<Run> runs = new ArrayList<>();
    try {
      JsonNode root = MAPPER.readTree(result.stdout());
      if (root == null || !root.isArray()) {
        return Observation.failed(SourceError.MALFORMED, "restic snapshots printed no JSON list");
      }
      for (JsonNode snapshot : root) {
        runs.add(run(snapshot));
      }
    } catch (IOException | RuntimeException e) {
      return Observation.failed(SourceError.MALFORMED, "restic snapshots printed JSON the exporter does not understand");
    }
    if (runs.isEmpty()) {
      return Observation.failed(SourceError.NO_BACKUPS, "the repository has no snapshots");
    }
    runs.sort(Run::chronological);
    int from = Math.max(0, runs.size() - 2);
    for (int i = from; i < runs.size(); i++) {
      Run r = runs.get(i);
      OptionalLong size = size(r.key());
      runs.set(i, new Run(r.key(), r.time(), true, r.duration(), size, Optional.empty(), Map.of()));
    }
    return Observation.of(runs, Optional.empty());
  }

  private static Run run(JsonNode snapshot) {
    String id = snapshot.get("id").asText();
    Instant time = OffsetDateTime.parse(snapshot.get("time").asText()).toInstant();
    Optional<Duration> duration = Optional.empty();
    JsonNode summary = snapshot.get("summary"); // restic 0.17+
    if (summary != null && summary.hasNonNull("backup_start") && summary.hasNonNull("backup_end")) {
      Instant start = OffsetDateTime.parse(summary.get("backup_start").asText()).toInstant();
      Instant end = OffsetDateTime.parse(summary.get("backup_end").asText()).toInstant();
      duration = Optional.of(Duration.between(start, end));
      time = end;
    }
    return new Run(id, time, true, duration, OptionalLong.empty(), Optional.empty(), Map.of());
  }

  private OptionalLong size(String id) throws IOException, InterruptedException {
    synchronized (sizes) {
      Long known = sizes.get(id);
      if (known != null) {
        return OptionalLong.of(known);
      }
    }
    List<String> argv = base("stats");
    argv.addAll(List.of("--json", "--no-lock", "--mode", "restore-size", id));
    CommandResult result = runner.run(Command.of(argv, Map.of(), config.timeout()));
    if (!result.ok()) {
      return OptionalLong.empty();
    }
    JsonNode total = MAPPER.readTree(result.stdout()).get("total_size");
    if (total == null || !total.canConvertToLong()) {
      return OptionalLong.empty();
    }
    synchronized (sizes) {
      sizes.put(id, total.asLong());
    }
    return OptionalLong.of(total.asLong());
  }

  private boolean check() throws IOException, InterruptedException {
    CommandResult result = runner.run(Command.of(base("check"), Map.of(), config.timeout()));
    return result.ok();
  }
}
