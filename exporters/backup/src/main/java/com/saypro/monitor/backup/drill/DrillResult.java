package com.saypro.monitor.backup.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One finished drill.
 *
 * @param restore creating the scratch database and restoring into it: the measured recovery time
 * @param recoveryPointAge how old the restored backup was when the drill started
 * @param message what happened, safe to show
 */
public record DrillResult(
    Instant started,
    boolean success,
    Optional<DrillFailure> failure,
    String message,
    Optional<Duration> restore,
    Optional<Duration> recoveryPointAge,
    Duration total) {}
