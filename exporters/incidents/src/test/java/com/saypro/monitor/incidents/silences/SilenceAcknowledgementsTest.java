package com.saypro.monitor.incidents.silences;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.incidents.store.IncidentKey;
import com.saypro.monitor.incidents.store.IncidentRecord;
import com.saypro.monitor.incidents.store.StoreCommand.AckRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Alertmanager's matching rules, and when a silence counts as the response to an incident. */
class SilenceAcknowledgementsTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant NOW = T0.plus(Duration.ofHours(1));
  private static final IncidentRecord CHECKOUT = incident("c1", Map.of("alertname", "CheckoutDown", "instance", "web-12", "team", "payments"), null);

  @Test
  void equalityRegexAndNegatedMatchersFollowAlertmanager() {
    assertThat(acks(silence(T0.plusSeconds(60), Silence.Matcher.of("alertname", "CheckoutDown", false, true)))).hasSize(1);
    assertThat(acks(silence(T0.plusSeconds(60), Silence.Matcher.of("instance", "web-1[0-9]", true, true)))).hasSize(1);
    // anchored like Alertmanager: "web-1" does not match "web-12"
    assertThat(acks(silence(T0.plusSeconds(60), Silence.Matcher.of("instance", "web-1", true, true)))).isEmpty();
    assertThat(acks(silence(T0.plusSeconds(60), Silence.Matcher.of("team", "payments", false, false)))).isEmpty();
    assertThat(acks(silence(T0.plusSeconds(60), Silence.Matcher.of("region", "", false, true)))).hasSize(1);
    assertThat(acks(silence(T0.plusSeconds(60),
        Silence.Matcher.of("alertname", "CheckoutDown", false, true), Silence.Matcher.of("team", "search", false, true)))).isEmpty();
    assertThat(acks(silence(T0.plusSeconds(60), Silence.Matcher.of("instance", "(unclosed", true, true)))).isEmpty();
  }

  @Test
  void theAcknowledgementIsWhenTheSilenceTookEffectButNeverBeforeTheIncident() {
    List<AckRequest> later = acks(silence(T0.plusSeconds(300), Silence.Matcher.of("alertname", "CheckoutDown", false, true)));
    assertThat(later.get(0).at()).isEqualTo(T0.plusSeconds(300));
    assertThat(later.get(0).by()).isEqualTo("silence s1 by alice");
    List<AckRequest> ahead = acks(silence(T0.minusSeconds(3600), Silence.Matcher.of("alertname", "CheckoutDown", false, true)));
    assertThat(ahead.get(0).at()).isEqualTo(T0);
  }

  @Test
  void silencesOutsideTheIncidentsLifeDoNotCount() {
    IncidentRecord resolved = incident("c2", CHECKOUT.labels(), T0.plusSeconds(600));
    Silence afterResolution = silence(T0.plusSeconds(900), Silence.Matcher.of("alertname", "CheckoutDown", false, true));
    assertThat(SilenceAcknowledgements.find(List.of(resolved), List.of(afterResolution), NOW)).isEmpty();
    Silence expiredBefore = new Silence("s2", List.of(Silence.Matcher.of("alertname", "CheckoutDown", false, true)),
        T0.minusSeconds(7200), T0.minusSeconds(3600), "bob");
    assertThat(SilenceAcknowledgements.find(List.of(CHECKOUT), List.of(expiredBefore), NOW)).isEmpty();
    Silence inFuture = silence(NOW.plusSeconds(60), Silence.Matcher.of("alertname", "CheckoutDown", false, true));
    assertThat(SilenceAcknowledgements.find(List.of(CHECKOUT), List.of(inFuture), NOW)).isEmpty();
  }

  private static List<AckRequest> acks(Silence silence) {
    return SilenceAcknowledgements.find(List.of(CHECKOUT), List.of(silence), NOW);
  }

  private static Silence silence(Instant startsAt, Silence.Matcher... matchers) {
    return new Silence("s1", List.of(matchers), startsAt, startsAt.plus(Duration.ofHours(2)), "alice");
  }

  private static IncidentRecord incident(String fingerprint, Map<String, String> labels, Instant resolvedAt) {
    return new IncidentRecord(IncidentKey.of(fingerprint, T0), labels.get("alertname"), "critical", "payments", labels, "",
        T0, Optional.empty(), Optional.empty(), Optional.ofNullable(resolvedAt));
  }
}
