package com.saypro.monitor.backup.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the backup exporter's config; every error names the file, line, path and job. */
public final class BackupConfigReader {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

  private final Path baseDirectory;
  private final SecretFiles secretFiles;

  public BackupConfigReader(Path baseDirectory, SecretFiles secretFiles) {
    this.baseDirectory = baseDirectory;
    this.secretFiles = secretFiles;
  }

  public BackupConfig read(ConfigNode root) throws ConfigException {
    ConfigNode node = root.asMap();
    SourceReader sources = new SourceReader(baseDirectory);
    Set<String> jobNames = new HashSet<>();
    List<JobConfig> jobs = node.list("jobs", item -> {
      JobConfig job = readJob(item.asMap(), sources);
      if (!jobNames.add(job.name())) {
        throw item.require("name").invalid("is used by two jobs (names must be unique)");
      }
      return job;
    });
    Map<String, JobConfig> byName = new HashMap<>();
    jobs.forEach(j -> byName.put(j.name(), j));
    Set<String> drillNames = new HashSet<>();
    DrillReader drillReader = new DrillReader(secretFiles, byName);
    List<DrillConfig> drills = node.list("drills", item -> {
      DrillConfig drill = drillReader.read(item.asMap());
      if (!drillNames.add(drill.name())) {
        throw item.require("name").invalid("is used by two drills (names must be unique)");
      }
      return drill;
    });
    Optional<Secret> token = Optional.empty();
    Optional<ConfigNode> api = node.get("drill_api");
    if (api.isPresent()) {
      ConfigNode apiNode = api.get().asMap();
      token = apiNode.secret("bearer_token", secretFiles);
      if (token.isEmpty() || token.get().reveal().isBlank()) {
        throw apiNode.error("set bearer_token_file (a file holding the token POST /drill requires), or remove drill_api");
      }
    }
    Path state = baseDirectory.resolve(node.string("state_folder", "saypro-state/backup")).normalize();
    BackupConfig.Commands commands = readCommands(node);
    return new BackupConfig(jobs, drills, token, state, commands);
  }

  private static BackupConfig.Commands readCommands(ConfigNode root) throws ConfigException {
    Optional<ConfigNode> commands = root.get("commands");
    if (commands.isEmpty()) {
      return BackupConfig.Commands.DEFAULT;
    }
    ConfigNode node = commands.get().asMap();
    BackupConfig.Commands d = BackupConfig.Commands.DEFAULT;
    return new BackupConfig.Commands(
        program(node, "psql", d.psql()),
        program(node, "pg_restore", d.pgRestore()),
        program(node, "mariadb", d.mariadb()),
        program(node, "restic", d.restic()));
  }

  private static String program(ConfigNode node, String key, String fallback) throws ConfigException {
    String value = node.string(key, fallback);
    if (value.isBlank() || value.chars().anyMatch(c -> c == ' ' || Character.isISOControl(c))) {
      throw node.require(key).invalid("must be a program name or path without spaces (no arguments: they are fixed)");
    }
    return value;
  }

  private JobConfig readJob(ConfigNode node, SourceReader sources) throws ConfigException {
    String name = name(node);
    Criticality criticality = node.enumValue("criticality", Criticality.class, Criticality.NORMAL);
    if (!node.has("max_age")) {
      throw node.error("job \"" + name + "\" has no max_age (the expected schedule, such as 26h for a nightly job)");
    }
    java.time.Duration maxAge = node.positiveDuration("max_age", null);
    double minRatio = node.number("min_size_ratio", 0.5, 0.0, 1.0);
    Optional<ConfigNode> source = node.get("source");
    if (source.isEmpty()) {
      throw node.error("job \"" + name + "\" has no source (set source.type: status_file, folder or restic)");
    }
    return new JobConfig(name, criticality, maxAge, minRatio, sources.read(name, source.get().asMap(), secretFiles));
  }

  static String name(ConfigNode node) throws ConfigException {
    String name = node.requireString("name");
    if (!NAME.matcher(name).matches()) {
      throw node.require("name").invalid("is not a valid name (lower case letters, digits, _ . -; up to 63 characters)");
    }
    return name;
  }
}
