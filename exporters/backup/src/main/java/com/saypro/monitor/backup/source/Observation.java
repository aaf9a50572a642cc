package com.saypro.monitor.backup.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one poll of a source saw.
 *
 * @param runs the runs the source can see, oldest first (a status file shows one, a folder every
 *     matching file, restic every snapshot); may be empty when the source failed
 * @param integrity the newest backup's checksum or repository check; empty when not checked (yet)
 * @param lastSuccessHint a last success the source remembers beyond the runs it shows (a status
 *     file's {@code last_success} after a failed run)
 * @param previousBytesHint the size of the backup before the newest, when the source records it
 * @param attemptInProgress when a run started and has not finished (status file outcome running)
 * @param errorVersion with an error: which version of the source is broken (the status file's or
 *     newest dump's stamp), "" when the error is a state rather than a file's content (missing,
 *     no backups, restic failing); the error counter counts a new version as a new error
 */
public record Observation(
    Optional<SourceError> error,
    String detail,
    List<Run> runs,
    Optional<Boolean> integrity,
    Optional<Instant> lastSuccessHint,
    OptionalLong previousBytesHint,
    Optional<Instant> attemptInProgress,
    String errorVersion) {
  public Observation {
    runs = List.copyOf(runs);
  }

  public static Observation failed(SourceError error, String detail) {
    return new Observation(Optional.of(error), detail, List.of(), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), Optional.empty(), "");
  }

  public static Observation of(List<Run> runs, Optional<Boolean> integrity) {
    return new Observation(Optional.empty(), "", runs, integrity, Optional.empty(), OptionalLong.empty(), Optional.empty(), "");
  }

  /** The same runs, but the source is in error (a folder with runs and a missing checksum file). */
  public Observation withError(SourceError reason, String why) {
    return new Observation(Optional.of(reason), why, runs, integrity, lastSuccessHint, previousBytesHint, attemptInProgress, errorVersion);
  }

  /** The same observation, its error tied to one version of the source. */
  public Observation withVersion(String version) {
    return new Observation(error, detail, runs, integrity, lastSuccessHint, previousBytesHint, attemptInProgress, version);
  }
}
