package com.saypro.monitor.backup.drill;

import com.saypro.monitor.backup.process.Command;
import com.saypro.monitor.backup.process.CommandResult;
import com.saypro.monitor.backup.process.CommandRunner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Runs drill commands under the drill's deadline and turns failures into {@link DrillException}s. */
final class Commands {
  private final CommandRunner runner;
  private final Clock clock;

  Commands(CommandRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
  }

  Duration left(Instant deadline) throws DrillException {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new DrillException(DrillFailure.TIMEOUT, "the drill ran out of time");
    }
    return left;
  }

  CommandResult run(Command command, DrillFailure onFailure, String step) throws DrillException, InterruptedException {
    CommandResult result = attempt(command, step);
    if (!result.ok()) {
      throw new DrillException(onFailure, step + ": " + result.reason(command.program()));
    }
    return result;
  }

  /** As {@link #run}, but a non-zero exit is returned for the caller to read, not thrown. */
  CommandResult attempt(Command command, String step) throws DrillException, InterruptedException {
    CommandResult result;
    try {
      result = runner.run(command);
    } catch (IOException e) {
      throw new DrillException(DrillFailure.ERROR, step + ": " + command.program() + " cannot be started ("
          + e.getClass().getSimpleName() + ")");
    }
    if (result.timedOut()) {
      throw new DrillException(DrillFailure.TIMEOUT, step + ": " + result.reason(command.program()));
    }
    if (result.refused() != null) {
      throw new DrillException(DrillFailure.DUMP_REFUSED, step + ": " + result.refused());
    }
    return result;
  }
}
