package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.sla.SlaSpec.Kind;
import com.saypro.monitor.sla.SlaSpec.Slo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small pieces of the generator: numbers without float noise, durations, expressions, example series. */
class GeneratorPartsTest {
  @Test
  void numbersHaveNoFloatNoise() {
    assertThat(Numbers.format(14.4 * 0.001)).isEqualTo("0.0144");
    assertThat(Numbers.format(6)).isEqualTo("6");
    assertThat(Numbers.format(99.9)).isEqualTo("99.9");
    assertThat(Numbers.le(0.1)).isEqualTo("0.1");
    assertThat(Numbers.le(1)).as("client_java writes 1.0").isEqualTo("1.0");
  }

  @Test
  void durationsUseTheLargestWholeUnit() {
    assertThat(Numbers.duration(Duration.ofDays(30))).isEqualTo("30d");
    assertThat(Numbers.duration(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Numbers.duration(Duration.ofHours(6))).isEqualTo("6h");
  }

  @Test
  void errorRatiosGuardTheDenominatorAndDefaultMissingErrorsToZero() {
    Slo availability = new Slo("x", Kind.AVAILABILITY, "X", "x", 99.9, "t", "d", "a_total{r=\"1\"}", "a_total{r=\"1\",s=\"5xx\"}", null, null, 0);
    assertThat(SloExpressions.errorRatio(availability, "5m"))
        .isEqualTo("(sum(rate(a_total{r=\"1\",s=\"5xx\"}[5m])) or vector(0))\n/\n(sum(rate(a_total{r=\"1\"}[5m])) > 0)");
    Slo latency = new Slo("y", Kind.LATENCY, "Y", "y", 99, "t", "d", null, null, "h_seconds", "", 0.1);
    assertThat(SloExpressions.errorRatio(latency, "1h"))
        .isEqualTo("(sum(rate(h_seconds_count[1h])) - (sum(rate(h_seconds_bucket{le=\"0.1\"}[1h])) or vector(0)))\n/\n(sum(rate(h_seconds_count[1h])) > 0)");
  }

  @Test
  void exampleSeriesMatchTheirSelector() {
    assertThat(Selectors.example("m_total{route=~\"a|b\",status_class=\"5xx\",x!=\"y\"}").text())
        .isEqualTo("m_total{route=\"a\",status_class=\"5xx\"}");
    assertThat(Selectors.example("plain").text()).isEqualTo("plain");
  }

  @Test
  void humanizeDurationAsPrometheusWritesIt() {
    assertThat(SloTests.goDuration(1300)).isEqualTo("21m 40s");
    assertThat(SloTests.goDuration(7600)).isEqualTo("2h 6m 40s");
  }
}
