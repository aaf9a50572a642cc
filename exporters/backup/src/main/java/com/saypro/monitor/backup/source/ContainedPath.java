package com.saypro.monitor.backup.source;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Resolves a path written by a backup job and refuses it when, symlinks followed, it leaves the folder. */
final class ContainedPath {
  private ContainedPath() {}

  /** Thrown when the path resolves outside the folder. */
  static final class Outside extends Exception {
    private static final long serialVersionUID = 1L;

    Outside() {
      super("a path resolves outside the configured folder", null, false, false);
    }
  }

  /**
   * The real path of {@code name} under {@code folder}.
   *
   * @throws NoSuchFileException when it (or a link target) does not exist
   */
  static Path resolve(Path folder, String name) throws IOException, Outside {
    Path realFolder = folder.toRealPath();
    Path candidate = folder.resolve(name).normalize();
    if (!candidate.startsWith(folder)) {
      throw new Outside();
    }
    Path real = candidate.toRealPath();
    if (!real.startsWith(realFolder) || real.equals(realFolder)) {
      throw new Outside();
    }
    return real;
  }
}
