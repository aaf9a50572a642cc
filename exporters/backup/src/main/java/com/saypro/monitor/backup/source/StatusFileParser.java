package com.saypro.monitor.backup.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the status file a backup job writes. Schema (unknown fields are ignored, so jobs can add
 * their own):
 *
 * <pre>{@code
 * {
 *   "job": "nightly-postgresql",               // required, must equal the configured job name
 *   "outcome": "success",                      // required: success | failure | running
 *   "started": "2026-11-24T02:00:00Z",         // required: RFC 3339 or Unix seconds
 *   "finished": "2026-11-24T02:03:10Z",        // required unless running
 *   "bytes": 123456789,                        // size of the backup file
 *   "file": "saypro-2026-11-24.dump",          // the backup file, inside the same folder
 *   "checksum": "sha256:9f86d0...",            // sha256 of that file (hex, "sha256:" optional)
 *   "tables": {"users": 1200, "orders": 5400}, // row counts at backup time, for restore drills
 *   "last_success": "2026-11-23T02:03:00Z",    // optional: kept across a failed run
 *   "previous_bytes": 120000000                // optional: size of the backup before this one
 * }
 * }</pre>
 */
final class StatusFileParser {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Set<String> OUTCOMES = Set.of("success", "failure", "running");

  /** A parsed status file, before the backup file it names is checked. */
  record Status(
      String outcome,
      Instant started,
      Optional<Instant> finished,
      OptionalLong bytes,
      Optional<String> file,
      Optional<String> checksum,
      Map<String, Long> tables,
      Optional<Instant> lastSuccess,
      OptionalLong previousBytes) {}

  /** Thrown with a short reason for a file that is not a valid status file. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    final SourceError error;

    Invalid(SourceError error, String message) {
      super(message, null, false, false);
      this.error = error;
    }
  }

  private StatusFileParser() {}

  static Status parse(byte[] content, String job) throws Invalid {
    if (content.length == 0) {
      throw new Invalid(SourceError.MALFORMED, "the status file is empty");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      throw new Invalid(SourceError.MALFORMED, "the status file is not complete JSON (half-written or garbage)");
    } catch (IOException e) {
      throw new Invalid(SourceError.MALFORMED, "the status file cannot be parsed");
    }
    if (root == null || !root.isObject()) {
      throw new Invalid(SourceError.MALFORMED, "the status file is not a JSON object");
    }
    String named = text(root, "job").orElseThrow(() -> missing("job"));
    if (!named.equals(job)) {
      throw new Invalid(SourceError.WRONG_JOB, "the status file is for another job");
    }
    String outcome = text(root, "outcome").orElseThrow(() -> missing("outcome"));
    if (!OUTCOMES.contains(outcome)) {
      throw new Invalid(SourceError.MALFORMED, "outcome must be success, failure or running");
    }
    Instant started = time(root, "started").orElseThrow(() -> missing("started"));
    Optional<Instant> finished = time(root, "finished");
    if (finished.isEmpty() && !outcome.equals("running")) {
      throw missing("finished");
    }
    if (finished.isPresent() && finished.get().isBefore(started)) {
      throw new Invalid(SourceError.MALFORMED, "finished is before started");
    }
    Optional<String> checksum = text(root, "checksum").map(c -> c.startsWith("sha256:") ? c.substring(7) : c);
    if (checksum.isPresent() && !HEX.matcher(checksum.get()).matches()) {
      throw new Invalid(SourceError.MALFORMED, "checksum must be a sha256 in hex");
    }
    Map<String, Long> tables = new LinkedHashMap<>();
    JsonNode tablesNode = root.get("tables");
    if (tablesNode != null && !tablesNode.isNull()) {
      if (!tablesNode.isObject()) {
        throw new Invalid(SourceError.MALFORMED, "tables must be an object of row counts");
      }
      var fields = tablesNode.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!field.getValue().canConvertToLong() || !field.getValue().isIntegralNumber() || field.getValue().asLong() < 0) {
          throw new Invalid(SourceError.MALFORMED, "tables values must be row counts");
        }
        tables.put(field.getKey(), field.getValue().asLong());
      }
    }
    return new Status(outcome, started, finished, count(root, "bytes"), text(root, "file"), checksum, tables,
        time(root, "last_success"), count(root, "previous_bytes"));
  }

  static Duration duration(Status status) {
    return status.finished().map(f -> Duration.between(status.started(), f)).orElse(Duration.ZERO);
  }

  private static Invalid missing(String field) {
    return new Invalid(SourceError.MALFORMED, "the status file has no " + field);
  }

  private static Optional<String> text(JsonNode root, String field) throws Invalid {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isEmpty()) {
      throw new Invalid(SourceError.MALFORMED, field + " must be a non-empty string");
    }
    return Optional.of(node.asText());
  }

  private static OptionalLong count(JsonNode root, String field) throws Invalid {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return OptionalLong.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
      throw new Invalid(SourceError.MALFORMED, field + " must be a non-negative integer");
    }
    return OptionalLong.of(node.asLong());
  }

  private static Optional<Instant> time(JsonNode root, String field) throws Invalid {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      double seconds = node.asDouble();
      if (!Double.isFinite(seconds) || seconds < 0 || seconds > 1e11) {
        throw new Invalid(SourceError.MALFORMED, field + " is not a plausible Unix time");
      }
      return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
    }
    if (node.isTextual()) {
      try {
        return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
      } catch (DateTimeParseException e) {
        throw new Invalid(SourceError.MALFORMED, field + " is not an RFC 3339 time");
      }
    }
    throw new Invalid(SourceError.MALFORMED, field + " must be an RFC 3339 time or Unix seconds");
  }
}
