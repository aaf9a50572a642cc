package com.saypro.monitor.incidents.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The webhook's hand-written 200 answer is byte for byte what Jackson's ObjectNode wrote before. */
class StoredAnswerTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Property(tries = 200)
  void writesWhatJacksonWrote(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int alerts,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int opened,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int resolved) {
    String jackson = JACKSON.createObjectNode()
        .put("status", "stored")
        .put("alerts", alerts)
        .put("new_incidents", opened)
        .put("resolved_incidents", resolved) + "\n";
    assertThat(WebhookHandler.stored(alerts, opened, resolved)).isEqualTo(jackson);
  }
}
