package com.saypro.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code docker-compose.yml} is valid as {@code docker-compose config -q} sees it
 * (no Docker engine needed), and a broken copy is not, so this test can fail.
 */
class ComposeFileTest {
  private static final String COMPOSE_FILE = "docker-compose.yml";

  @Test
  void composeFileIsValid() throws Exception {
    Path file = repoRoot().resolve(COMPOSE_FILE);

    Result result = config(file);

    assertThat(result.exitCode()).as("docker-compose -f %s config -q said:%n%s", file, result.output()).isZero();
  }

  @Test
  void brokenCopyIsRejected(@TempDir Path dir) throws Exception {
    String original = Files.readString(repoRoot().resolve(COMPOSE_FILE), StandardCharsets.UTF_8);
    String broken = original.replaceFirst("(?m)^    restart:", "    no_such_option: true\n    restart:");
    assertThat(broken).as("the compose file has a service with restart: to break").isNotEqualTo(original);
    Path copy = Files.writeString(dir.resolve(COMPOSE_FILE), broken, StandardCharsets.UTF_8);

    Result result = config(copy);

    assertThat(result.exitCode()).as("exit code for a broken file").isNotZero();
    assertThat(result.output()).contains("no_such_option");
  }

  private record Result(int exitCode, String output) {}

  private static Result config(Path file) throws IOException, InterruptedException {
    Path compose = onPath("docker-compose").orElseGet(() -> fail(
        "docker-compose is not on the PATH: install Debian's docker-compose package"
            + " (apt-get install -y docker-compose; scripts/test-setup.sh does it for ./saypro test)"));
    // output to a file, not a pipe, so that a docker-compose that hangs cannot block the read
    Path log = Files.createTempFile("docker-compose-config", ".log");
    try {
      Process process = new ProcessBuilder(compose.toString(), "-f", file.toString(), "config", "-q")
          .directory(file.getParent().toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("docker-compose config did not finish within 60 s");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    return List.of(path.split(File.pathSeparator)).stream()
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Walks up from the working directory to the folder holding docker-compose.yml. */
  private static Path repoRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(COMPOSE_FILE))) {
        return dir;
      }
    }
    throw new AssertionError("no " + COMPOSE_FILE + " in " + start + " or any folder above it");
  }
}
