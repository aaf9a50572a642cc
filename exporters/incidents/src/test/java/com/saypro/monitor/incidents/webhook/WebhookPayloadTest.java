package com.saypro.monitor.incidents.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.store.StoreCommand.AlertNotice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the webhook reads from Alertmanager's body, and how it refuses a bad one. */
class WebhookPayloadTest {
  private static final Classification CLASSIFICATION =
      new Classification("severity", "team", Set.of("payments"), Set.of("critical", "warning"));
  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");

  private static WebhookPayload parse(String json) throws PayloadException {
    return WebhookPayload.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), CLASSIFICATION, "Watchdog", RECEIVED);
  }

  @Test
  void readsAlertsInAnyFieldOrderAndSkipsWhatItDoesNotKeep() throws PayloadException {
    WebhookPayload payload = parse("""
        {'receiver':'incidents','status':'firing','groupLabels':{'a':'b'},'commonAnnotations':{},
         'alerts':[
          {'fingerprint':'4f1a9c0e22b7d310','startsAt':'2026-11-24T09:00:00.123Z','status':'firing',
           'endsAt':'0001-01-01T00:00:00Z','generatorURL':'http://p/graph?g0.expr=up%3D%3D0',
           'labels':{'team':'payments','alertname':'Down','severity':'critical','instance':'h\\"1\\u00e9'},
           'annotations':{'description':'d','summary':'s'},'extra':{'nested':[1,2,{'x':null}]}},
          {'status':'resolved','labels':{'alertname':'Slow'},'annotations':{'description':'only d'},
           'startsAt':'2026-11-24T08:00:00+01:00','endsAt':'2026-11-24T09:30:00Z','fingerprint':'ab'},
          {'status':'firing','labels':{'alertname':'Watchdog'},'startsAt':'2026-11-24T00:00:00Z','endsAt':'0001-01-01T00:00:00Z','fingerprint':'cd'}
         ],
         'version':'4','truncatedAlerts':0,'externalURL':'http://am'}""");

    assertThat(payload.firing()).isEqualTo(2);
    assertThat(payload.resolved()).isEqualTo(1);
    assertThat(payload.heartbeat()).contains("Watchdog");
    assertThat(payload.alerts()).hasSize(2);
    AlertNotice down = payload.alerts().get(0);
    assertThat(down.fingerprint()).isEqualTo("4f1a9c0e22b7d310");
    assertThat(down.firing()).isTrue();
    assertThat(down.alertname()).isEqualTo("Down");
    assertThat(down.severity()).isEqualTo("critical");
    assertThat(down.team()).isEqualTo("payments");
    assertThat(down.labels()).containsExactlyInAnyOrderEntriesOf(
        Map.of("team", "payments", "alertname", "Down", "severity", "critical", "instance", "h\"1\u00e9"));
    assertThat(down.summary()).isEqualTo("s");
    assertThat(down.startsAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00.123Z"));
    assertThat(down.endsAt()).isEqualTo(RECEIVED);
    AlertNotice slow = payload.alerts().get(1);
    assertThat(slow.firing()).isFalse();
    assertThat(slow.summary()).isEqualTo("only d");
    assertThat(slow.severity()).isEmpty();
    assertThat(slow.startsAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(slow.endsAt()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
  }

  @Test
  void trimsLongValuesAndCapsTheNumberOfLabels() throws PayloadException {
    StringBuilder labels = new StringBuilder("{'alertname':'" + "n".repeat(300) + "'");
    for (int i = 0; i < 150; i++) {
      labels.append(",'l").append(i).append("':'v'");
    }
    labels.append('}');
    WebhookPayload payload = parse("{'version':'4','alerts':[{'status':'firing','fingerprint':'ab','startsAt':'2026-11-24T09:00:00Z',"
        + "'labels':" + labels + ",'annotations':{'summary':'" + "s".repeat(2000) + "'}}]}");
    AlertNotice alert = payload.alerts().get(0);
    assertThat(alert.alertname()).hasSize(WebhookPayload.MAX_SHORT);
    assertThat(alert.summary()).hasSize(WebhookPayload.MAX_SUMMARY);
    assertThat(alert.labels()).hasSize(WebhookPayload.MAX_LABELS);
    assertThat(alert.endsAt()).isEqualTo(RECEIVED);
  }

  @Test
  void aResolvedAlertThatEndsBeforeItStartsEndsAtItsStart() throws PayloadException {
    WebhookPayload payload = parse("{'version':'4','alerts':[{'status':'resolved','fingerprint':'ab',"
        + "'startsAt':'2026-11-24T09:00:00Z','endsAt':'2026-11-24T08:00:00Z','labels':null}]}");
    assertThat(payload.alerts().get(0).endsAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(payload.alerts().get(0).labels()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      not json                                                                  | body is not valid JSON
      {'version':'4','alerts':[]} trailing                                      | body is not valid JSON
      []                                                                        | body must be a JSON object (Alertmanager webhook payload)
      {'alerts':[]}                                                             | version: missing (Alertmanager webhook version "4" expected)
      {'version':4,'alerts':[]}                                                 | version: missing (Alertmanager webhook version "4" expected)
      {'version':'3','alerts':[]}                                               | version: "3" is not supported ("4" expected)
      {'version':'4'}                                                           | alerts: must be a list
      {'version':'4','alerts':{}}                                               | alerts: must be a list
      {'version':'4','alerts':[1]}                                              | alerts[0]: must be an object
      {'version':'4','alerts':[{}]}                                             | alerts[0].status: missing or not a string
      {'version':'4','alerts':[{'status':'pending'}]}                           | alerts[0].status: "pending" is not firing or resolved
      {'version':'4','alerts':[{'status':'firing','fingerprint':'XYZ'}]}        | alerts[0].fingerprint: "XYZ" is not a hexadecimal fingerprint
      {'version':'4','alerts':[{'status':'firing','fingerprint':''}]}           | alerts[0].fingerprint: "" is not a hexadecimal fingerprint
      {'version':'4','alerts':[{'status':'firing','fingerprint':'ab','labels':[]}]}          | alerts[0].labels: must be an object of strings
      {'version':'4','alerts':[{'status':'firing','fingerprint':'ab','labels':{'a':1}}]}     | alerts[0].labels.a: must be a string
      {'version':'4','alerts':[{'status':'firing','fingerprint':'ab','annotations':{'a':{}}}]} | alerts[0].annotations.a: must be a string
      {'version':'4','alerts':[{'status':'firing','fingerprint':'ab'}]}                      | alerts[0].startsAt: missing or not a string
      {'version':'4','alerts':[{'status':'firing','fingerprint':'ab','startsAt':'yesterday'}]} | alerts[0].startsAt: "yesterday" is not an RFC 3339 time
      {'version':'4','alerts':[{'status':'resolved','fingerprint':'ab','startsAt':'2026-11-24T09:00:00Z','endsAt':5}]} | alerts[0].endsAt: missing or not a string
      """)
  void refusesABadBodySayingWhatAndWhere(String body, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(PayloadException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aWrongVersionIsToldApartFromAMalformedBody() {
    assertThatThrownBy(() -> parse("{'version':'3','alerts':[]}"))
        .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.wrongVersion()).isTrue());
    assertThatThrownBy(() -> parse("{'version':'4','alerts':[1]}"))
        .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.wrongVersion()).isFalse());
  }
}
