package com.saypro.monitor.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrapeDeadlinePolicyTest {
  @ParameterizedTest(name = "header {0} gives {1} ms")
  @CsvSource(
      nullValues = "missing",
      value = {
        "missing, 10000", // no header: the default
        "'', 10000",
        "abc, 10000", // invalid: the default
        "NaN, 10000",
        "Infinity, 10000",
        "-5, 10000", // negative: the default
        "0, 10000",
        "10, 9500", // the usual case: header minus the offset
        "'  4 ', 3500",
        "1.5, 1000",
        "0.6, 300", // smaller than twice the offset: half the header
        "0.3, 150", // smaller than the offset: still half the header, never negative
        "1e9, 600000", // capped at 10 minutes
      })
  void budgetFollowsTheHeader(String header, long expectedMillis) {
    assertThat(ScrapeDeadlinePolicy.DEFAULT.budget(header)).isEqualTo(Duration.ofMillis(expectedMillis));
  }
}
