package com.saypro.monitor.incidents.silences;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.config.ConfigNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alertmanager's matching rules, and what a matcher the exporter cannot evaluate does. */
class SilenceTest {
  private static final Map<String, String> LABELS = Map.of("alertname", "CheckoutSlow", "severity", "critical");

  private static Silence silence(Silence.Matcher... matchers) {
    return new Silence("id", List.of(matchers), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "someone");
  }

  @Test
  void regexesAreAnchoredAtBothEnds() {
    assertThat(silence(Silence.Matcher.of("alertname", "Checkout.*", true, true)).matches(LABELS)).isTrue();
    assertThat(silence(Silence.Matcher.of("alertname", "heckout", true, true)).matches(LABELS)).isFalse();
    assertThat(silence(Silence.Matcher.of("alertname", "Checkout.*|x", true, false)).matches(LABELS)).isFalse();
  }

  @Test
  void aRegexPastTheCapMatchesNothingAndIsNotCompiled() {
    String atCap = "CheckoutSlow|" + "a".repeat(ConfigNode.MAX_REGEX_LENGTH - 13);
    String pastCap = atCap + "a";
    assertThat(atCap).hasSize(ConfigNode.MAX_REGEX_LENGTH);

    assertThat(silence(Silence.Matcher.of("alertname", atCap, true, true)).matches(LABELS)).isTrue();
    Silence.Matcher tooLong = Silence.Matcher.of("alertname", pastCap, true, true);
    assertThat(tooLong.pattern()).isNull();
    assertThat(silence(tooLong).matches(LABELS)).isFalse();
    assertThat(silence(Silence.Matcher.of("alertname", "x" + pastCap, true, false)).matches(LABELS))
        .as("a negative matcher the exporter cannot evaluate does not acknowledge either").isFalse();
  }

  @Test
  void anInvalidRegexMatchesNothing() {
    assertThat(silence(Silence.Matcher.of("alertname", "(", true, true)).matches(LABELS)).isFalse();
  }
}
