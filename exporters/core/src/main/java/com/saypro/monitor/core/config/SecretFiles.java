package com.saypro.monitor.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads secrets from {@code *_file} keys. Relative paths resolve against the config file's folder;
 * one trailing newline is dropped (what {@code echo secret > file} leaves). Messages name the path,
 * never the content.
 */
public final class SecretFiles implements ConfigNode.SecretFileReader {
  private static final int MAX_BYTES = 64 * 1024;
  private final Path baseDirectory;

  public SecretFiles(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  /** Resolves a path written in the config against the config file's folder. */
  public Path resolve(ConfigNode pathNode) throws ConfigException {
    String text = pathNode.asString();
    if (text.isEmpty()) {
      throw pathNode.error("must not be empty");
    }
    return baseDirectory.resolve(text);
  }

  @Override
  public Secret read(ConfigNode pathNode) throws ConfigException {
    Path path = resolve(pathNode);
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw pathNode.error("file " + path + " is larger than 64 KiB");
      }
      String text = Files.readString(path, StandardCharsets.UTF_8);
      if (text.endsWith("\r\n")) {
        text = text.substring(0, text.length() - 2);
      } else if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      return Secret.of(text);
    } catch (NoSuchFileException e) {
      throw pathNode.error("file " + path + " does not exist");
    } catch (IOException e) {
      throw pathNode.error("file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
