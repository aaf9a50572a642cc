package com.saypro.monitor.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"0, 0", "500ms, 500", "5s, 5000", "1m, 60000", "1m30s, 90000", "2h, 7200000", "1d, 86400000",
      "1w, 604800000", "1y, 31536000000", "1h1m1s1ms, 3661001"})
  void parsesPrometheusDurations(String text, long millis) {
    assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5x", "1s1m", "1m1m", "-1s", "1.5s", "s", "ms", " 1s", "99999999999999y"})
  void refusesWhatIsNotADuration(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @Property
  void formatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long millis) {
    Duration d = Duration.ofMillis(millis);
    assertThat(Durations.parse(Durations.format(d))).contains(d);
  }
}
