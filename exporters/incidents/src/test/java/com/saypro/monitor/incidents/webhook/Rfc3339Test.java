package com.saypro.monitor.incidents.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path reads exactly what the general formatter reads, and refuses what it refuses. */
class Rfc3339Test {
  @ParameterizedTest
  @ValueSource(strings = {
      "2026-11-02T10:00:00Z", "2026-11-02T10:00:00.1Z", "2026-11-02T10:00:00.123Z", "2026-11-02T10:00:00.123456789Z",
      "2024-02-29T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "2026-11-02T12:00:00.5+02:00", "2026-11-02T10:00:00-07:30",
      "2026-13-02T10:00:00Z", "2025-02-29T10:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T10:00:00.Z",
      "2026-11-02T10:00:00.1234567890Z", "2026-11-02 10:00:00Z", "2026-1l-02T10:00:00Z", "yesterday", "", "2026-11-02T10:00:00"})
  void agreesWithTheGeneralFormatter(String text) {
    assertThat(Rfc3339.parse(text)).isEqualTo(reference(text));
  }

  private static Optional<Instant> reference(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
