package com.saypro.monitor.incidents.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The hand-written label JSON is byte for byte what Jackson wrote before, and reads back whole. */
class LabelsJsonTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Property(tries = 500)
  void writesWhatJacksonWrites(@ForAll @Size(max = 8) Map<
      @StringLength(max = 12) @CharRange(from = 0, to = 0x7f) @Chars({'\u00e9', '\u2028', '\ud83d', '\ude00', '\uffff'}) String,
      @StringLength(max = 12) @CharRange(from = 0, to = 0x7f) @Chars({'\u00e9', '\u2028', '\ud83d', '\ude00', '\uffff'}) String> labels)
      throws JsonProcessingException {
    String written = LabelsJson.write(labels);
    assertThat(written).isEqualTo(JACKSON.writeValueAsString(new TreeMap<>(labels)));
    assertThat(JACKSON.readValue(written, new TypeReference<Map<String, String>>() {})).isEqualTo(labels);
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(LabelsJson.write(Map.of("b", "x\"y\\z", "a", "\n\t\u0001\u001f\u007f")))
        .isEqualTo("{\"a\":\"\\n\\t\\u0001\\u001F\u007f\",\"b\":\"x\\\"y\\\\z\"}");
    assertThat(LabelsJson.write(Map.of())).isEqualTo("{}");
  }
}
