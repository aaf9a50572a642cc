package com.saypro.monitor.backup.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program to run: an argument list (never a shell line), extra environment (how passwords reach
 * the program: PGPASSWORD, MYSQL_PWD, never argv), an optional file streamed to its stdin, a
 * timeout, and how much of its output to keep.
 *
 * @param stdin streamed through {@link StdinFilter} when present
 */
public record Command(
    List<String> argv,
    Map<String, String> environment,
    Optional<Path> stdin,
    Optional<StdinFilter> filter,
    Duration timeout,
    int maxStdoutBytes) {
  public static final int DEFAULT_MAX_OUTPUT = 64 * 1024;

  public Command {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
  }

  public static Command of(List<String> argv, Map<String, String> environment, Duration timeout) {
    return new Command(argv, environment, Optional.empty(), Optional.empty(), timeout, DEFAULT_MAX_OUTPUT);
  }

  public Command withStdin(Path file, StdinFilter filter) {
    return new Command(argv, environment, Optional.of(file), Optional.of(filter), timeout, maxStdoutBytes);
  }

  public Command withMaxStdout(int bytes) {
    return new Command(argv, environment, stdin, filter, timeout, bytes);
  }

  /** The program name, for messages (arguments may name databases, never secrets, but stay out anyway). */
  public String program() {
    return Path.of(argv.get(0)).getFileName().toString();
  }
}
