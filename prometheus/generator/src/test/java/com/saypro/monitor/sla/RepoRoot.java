package com.saypro.monitor.sla;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder, found by walking up from the working directory. */
final class RepoRoot {
  private RepoRoot() {}

  static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("prometheus/sla.yml"))) {
        return dir;
      }
    }
    throw new AssertionError("cannot find the repository root (with prometheus/sla.yml) above " + Path.of("").toAbsolutePath());
  }
}
