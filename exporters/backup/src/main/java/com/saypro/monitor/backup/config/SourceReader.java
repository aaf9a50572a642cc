package com.saypro.monitor.backup.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.SecretFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Reads one job's {@code source:} section and checks that its folder is there and readable. */
final class SourceReader {
  private final Path baseDirectory;

  SourceReader(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  SourceConfig read(String job, ConfigNode node, SecretFiles secretFiles) throws ConfigException {
    ConfigNode typeNode = node.require("type");
    String type = typeNode.asString();
    return switch (type) {
      case "status_file" -> {
        Path folder = folder(job, node, "folder");
        String name = node.requireString("name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
          throw node.require("name").invalid("job \"" + job + "\": must be a file name inside folder, without /");
        }
        yield new SourceConfig.StatusFile(folder, name);
      }
      case "folder" -> {
        Path path = folder(job, node, "path");
        ConfigNode patternNode = node.require("pattern");
        Pattern pattern;
        try {
          pattern = Pattern.compile(patternNode.asRegex());
        } catch (PatternSyntaxException e) {
          throw patternNode.invalid("job \"" + job + "\": is not a valid RE2 pattern (" + e.getDescription() + ")");
        }
        String checksum = node.string("checksum", "none");
        if (!checksum.equals("none") && !checksum.equals("sidecar")) {
          throw node.require("checksum").invalid("job \"" + job + "\": must be none or sidecar");
        }
        yield new SourceConfig.Folder(path, pattern, checksum.equals("sidecar"));
      }
      case "restic" -> {
        String repository = node.requireString("repository");
        if (repository.isBlank() || repository.startsWith("-")) {
          throw node.require("repository").invalid("job \"" + job + "\": must be a restic repository location");
        }
        ConfigNode passwordNode = node.require("password_file");
        Path passwordFile = secretFiles.resolve(passwordNode);
        if (!Files.isReadable(passwordFile)) {
          throw passwordNode.invalid("job \"" + job + "\": the password file cannot be read");
        }
        Optional<String> host = optional(node, "host");
        Optional<String> tag = optional(node, "tag");
        Duration refresh = node.positiveDuration("refresh_interval", Duration.ofMinutes(5));
        Duration check = node.positiveDuration("check_interval", Duration.ofHours(24));
        Duration timeout = node.positiveDuration("timeout", Duration.ofMinutes(2));
        yield new SourceConfig.Restic(repository, passwordFile.toAbsolutePath(), host, tag, refresh, check, timeout);
      }
      default -> throw typeNode.invalid("job \"" + job + "\": unknown source type (use status_file, folder or restic)");
    };
  }

  private static Optional<String> optional(ConfigNode node, String key) throws ConfigException {
    Optional<ConfigNode> value = node.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().asString();
    if (text.isBlank() || text.startsWith("-")) {
      throw value.get().invalid("must not be empty or start with -");
    }
    return Optional.of(text);
  }

  /** The folder at {@code key}, created when {@code create_if_missing: true}; must be a readable directory. */
  private Path folder(String job, ConfigNode node, String key) throws ConfigException {
    ConfigNode pathNode = node.require(key);
    String text = pathNode.asString();
    if (text.isEmpty()) {
      throw pathNode.invalid("job \"" + job + "\": must not be empty");
    }
    Path path = baseDirectory.resolve(text).toAbsolutePath().normalize();
    boolean create = node.bool("create_if_missing", false);
    if (create && !Files.exists(path)) {
      try {
        Files.createDirectories(path);
      } catch (IOException e) {
        throw pathNode.invalid("job \"" + job + "\": folder " + path + " cannot be created (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (!Files.isDirectory(path)) {
      throw pathNode.invalid("job \"" + job + "\": folder " + path + " does not exist or is not a folder");
    }
    if (!Files.isReadable(path) || !Files.isExecutable(path)) {
      throw pathNode.invalid("job \"" + job + "\": folder " + path + " cannot be read");
    }
    return path;
  }
}
