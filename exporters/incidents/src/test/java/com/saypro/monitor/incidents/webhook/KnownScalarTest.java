package com.saypro.monitor.incidents.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A status or end time read as a shared constant is the value the plain reader gave, whatever the JSON. */
class KnownScalarTest {
  private static final JsonFactory JSON = new JsonFactory();

  @Property(tries = 500)
  void givesWhatScalarGives(@ForAll("values") String json) throws IOException {
    Object known = read(json, true);
    Object plain = read(json, false);
    if (plain == RawPayload.NOT_A_STRING) {
      assertThat(known).isSameAs(RawPayload.NOT_A_STRING);
    } else {
      assertThat(known).isEqualTo(plain);
    }
    if ("firing".equals(plain)) {
      assertThat(known).isSameAs(RawPayload.FIRING);
    }
    if (RawPayload.GO_ZERO_TIME.equals(plain)) {
      assertThat(read(json.replace("\"s\"", "\"e\""), true)).isSameAs(RawPayload.GO_ZERO_TIME);
    }
  }

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> near = Arbitraries.of("firing", "resolved", "firin", "firingg", "Firing", "resolve", "resolvedd",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z", "", "fir\\u0069ng", "resolv\\u0065d");
    Arbitrary<String> strings = Arbitraries.oneOf(near, Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(9))
        .map(s -> "\"" + s + "\"");
    return Arbitraries.oneOf(strings, Arbitraries.of("null", "1", "true", "{}", "[\"firing\"]", "{\"a\":\"firing\"}"))
        .map(value -> "{\"s\":" + value + "}");
  }

  /** The member's value, read by {@link RawPayload#known} (status constants, or for "e" the zero time) or by scalar. */
  private static Object read(String json, boolean known) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      String name = parser.nextFieldName();
      JsonToken token = parser.nextToken();
      if (!known) {
        return RawPayload.scalar(parser, token);
      }
      return name.equals("e") ? RawPayload.known(parser, token, RawPayload.GO_ZERO_TIME, RawPayload.GO_ZERO_TIME)
          : RawPayload.known(parser, token, RawPayload.FIRING, RawPayload.RESOLVED);
    }
  }
}
