package com.saypro.monitor.demo.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.demo.web.RouteClass;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each bad fault request gets a message naming the field and what is allowed. */
class FaultRequestParserTest {
  private final FaultRequestParser parser = new FaultRequestParser(RouteClass.faultableLabels());

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      not json                                                        | the body is not JSON
      []                                                              | the body must be a JSON object
      {"type":"latency"}                                              | target: required
      {"target":"basket","type":"latency","latency_ms":1}             | target: "basket" is not one of home, search, product_listing, product, cart, checkout, payment, login, account, gateway, site
      {"target":"home","type":"slow"}                                 | type: "slow" is not one of latency, error, decline, timeout, down
      {"target":"home","type":"latency"}                              | latency_ms: required for type "latency" (0..60000)
      {"target":"home","type":"latency","latency_ms":-1}              | latency_ms: -1 must be a whole number from 0 to 60000
      {"target":"home","type":"error","rate":1.5}                     | rate: 1.5 must be a number from 0 to 1
      {"target":"home","type":"error","status":404}                   | status: 404 must be a whole number from 500 to 599
      {"target":"home","type":"error","latency_ms":3}                 | latency_ms: applies only to type latency
      {"target":"gateway","type":"decline","error_code":"stolen"}     | error_code: "stolen" is not one of declined, insufficient_funds, fraud_suspected
      {"target":"cart","type":"down","mode":"refused"}                | mode: "refused" applies only to targets "site" and "gateway"; a route class can only answer 503
      {"target":"site","type":"down","mode":"off"}                    | mode: "off" is not one of 503, refused
      {"target":"home","type":"down","rate":0.5}                      | rate: applies only to type latency, error, decline and timeout
      {"target":"home","type":"error","gateway":"sandbox"}            | gateway: applies only to target "gateway"
      {"target":"gateway","type":"error","gateway":"paypal"}          | gateway: "paypal" is not one of sandbox, cardpay, walletpay
      {"target":"home","type":"error","duration":"soon"}              | duration: "soon" is not a positive duration (use 500ms, 5s, 1m)
      {"target":"home","type":"error","start":"tomorrow"}             | start: "tomorrow" is not an RFC 3339 instant such as 2026-11-24T10:00:00Z
      {"target":"home","type":"error","start":"2026-11-24T10:00:00Z","start_in":"1m"} | set either "start" or "start_in", not both
      {"target":"home","type":"error","colour":"red"}                 | unknown field "colour" (allowed: duration, error_code, gateway, latency_ms, mode, rate, start, start_in, status, target, type)
      """)
  void refuses(String body, String message) {
    assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(BadFaultRequest.class).hasMessageStartingWith(message);
  }

  @Test
  void readsAScheduledDecline() throws BadFaultRequest {
    FaultSpec spec = parser.parse("{\"target\":\"gateway\",\"type\":\"decline\",\"rate\":0.25,\"gateway\":\"cardpay\","
        + "\"start\":\"2026-11-24T10:00:00Z\",\"duration\":\"90s\"}");
    Fault fault = spec.toFault("f-9", Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(fault.errorCode()).isEqualTo("declined");
    assertThat(fault.rate()).isEqualTo(0.25);
    assertThat(fault.startsAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(fault.endsAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z").plus(Duration.ofSeconds(90)));
    assertThat(fault.matches("gateway", "cardpay")).isTrue();
    assertThat(fault.matches("gateway", "sandbox")).isFalse();
  }
}
