package com.saypro.monitor.backup.config;

import com.google.re2j.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where a job's outcome is read from: exactly one of these per job. */
public sealed interface SourceConfig {
  /** The {@code source} label value. */
  String type();

  /**
   * A JSON status file the backup job writes after each run (schema in the README). The file and
   * the backup file it names must both resolve, symlinks followed, inside {@code folder}.
   */
  record StatusFile(Path folder, String name) implements SourceConfig {
    @Override
    public String type() {
      return "status_file";
    }
  }

  /**
   * A folder of dump files; the newest file whose name matches {@code pattern} (RE2/J, whole name)
   * is the newest backup. {@code sidecarChecksums}: {@code NAME.sha256} files hold each dump's
   * sha256 and must exist.
   */
  record Folder(Path path, Pattern pattern, boolean sidecarChecksums) implements SourceConfig {
    @Override
    public String type() {
      return "folder";
    }
  }

  /** A restic repository, read through {@code restic --json}; the password stays in its file. */
  record Restic(
      String repository,
      Path passwordFile,
      Optional<String> host,
      Optional<String> tag,
      Duration refreshInterval,
      Duration checkInterval,
      Duration timeout) implements SourceConfig {
    @Override
    public String type() {
      return "restic";
    }
  }
}
