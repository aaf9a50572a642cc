package com.saypro.monitor.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder, found by walking up from the working directory. */
final class RepoRoot {
  private RepoRoot() {}

  static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("exporters"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("cannot find the repository root (a folder with mvnw and exporters/) above " + Path.of("").toAbsolutePath());
  }
}
