package com.saypro.monitor.incidents.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.incidents.store.StoreCommand.AlertNotice;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Labels and annotations read into sorted arrays ({@code Labels}) give what the previous reader,
 * a {@code LinkedHashMap} kept here as the reference, gave: the same entries (a key given twice
 * keeps its later value, at most 100 keys, keys and values trimmed), the same error, the same
 * lookups, and the same JSON column.
 */
class StringFieldsPropertyTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper JACKSON = new ObjectMapper();

  /** One member of the object: a string value, or (value null) a value that is not a string. */
  record Member(String key, String value) {}

  @Property(tries = 400)
  void readsWhatTheLinkedHashMapReaderRead(@ForAll("objects") List<Member> members) throws IOException {
    String body = write(members);
    RawPayload.StringFields fields = read(body, (parser, token) -> RawPayload.StringFields.read(parser, token, members.size() % 3));
    Reference reference = read(body, Reference::read);

    assertThat(fields.error()).isEqualTo(reference.error());
    assertThat(fields.values()).isEqualTo(reference.values());
    assertThat(reference.values()).isEqualTo(fields.values());
    assertThat(fields.values().hashCode()).isEqualTo(reference.values().hashCode());
    assertThat(new ArrayList<>(fields.values().keySet())).isEqualTo(new ArrayList<>(new TreeMap<>(reference.values()).keySet()));
    for (Member member : members) {
      String key = WebhookPayload.trim(member.key(), WebhookPayload.MAX_SHORT);
      assertThat(fields.get(key)).isEqualTo(reference.values().getOrDefault(key, ""));
      assertThat(fields.values().containsKey(key)).isEqualTo(reference.values().containsKey(key));
    }
    assertThat(fields.get("absent")).isEqualTo(reference.values().getOrDefault("absent", ""));
    assertThat(fields.summary()).isEqualTo(reference.summary());
    AlertNotice notice = new AlertNotice("ab", true, "A", "", "", fields.values(), "", Instant.EPOCH, Instant.EPOCH);
    assertThat(notice.labelsJson()).isEqualTo(JACKSON.writeValueAsString(new TreeMap<>(reference.values())));
  }

  @Provide
  Arbitrary<List<Member>> objects() {
    // few distinct short keys (repeats), keys past 255 characters that trim to the same key, and
    // enough distinct keys to pass the cap of 100
    Arbitrary<String> keys = Arbitraries.oneOf(
        Arbitraries.of("alertname", "severity", "team", "summary", "description", "a", "b", "\u00e9", ""),
        Arbitraries.integers().between(0, 150).map(i -> "k" + i),
        Arbitraries.strings().withChars('x', 'y').ofMinLength(250).ofMaxLength(260).map(s -> "long" + s));
    // null: a value that is not a string (an error), in about a quarter of the objects of 130 members
    Arbitrary<String> values = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.strings().ofMaxLength(8)),
        Tuple.of(2, Arbitraries.strings().withChars('v', 'w').ofMinLength(1020).ofMaxLength(1030)));
    Arbitrary<Member> member = Combinators.combine(keys, values.injectNull(0.01)).as(Member::new);
    return member.list().ofMaxSize(130);
  }

  private static String write(List<Member> members) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      for (Member member : members) {
        json.writeFieldName(member.key());
        if (member.value() != null) {
          json.writeString(member.value());
        } else if (member.key().length() % 2 == 0) {
          json.writeNumber(1);
        } else {
          json.writeStartObject();
          json.writeEndObject();
        }
      }
      json.writeEndObject();
    }
    return text.toString();
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(JsonParser parser, JsonToken token) throws IOException;
  }

  private static <T> T read(String body, Reader<T> reader) throws IOException {
    try (JsonParser parser = JSON.createParser(body)) {
      T read = reader.read(parser, parser.nextToken());
      assertThat(parser.nextToken()).isNull();
      return read;
    }
  }

  /** The reader before Labels, as it was. */
  private record Reference(Map<String, String> values, String error) {
    static Reference read(JsonParser parser, JsonToken token) throws IOException {
      Map<String, String> values = new LinkedHashMap<>();
      String error = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value != JsonToken.VALUE_STRING) {
          parser.skipChildren();
          if (error == null) {
            error = "." + key + ": must be a string";
          }
        } else if (error == null && values.size() < WebhookPayload.MAX_LABELS) {
          values.put(WebhookPayload.trim(key, WebhookPayload.MAX_SHORT),
              WebhookPayload.trim(parser.getText(), WebhookPayload.MAX_LABEL_VALUE));
        }
      }
      return new Reference(values, error);
    }

    String summary() {
      String summary = values.get("summary");
      return summary != null ? summary : values.getOrDefault("description", "");
    }
  }
}
