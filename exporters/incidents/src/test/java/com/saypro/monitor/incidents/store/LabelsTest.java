package com.saypro.monitor.incidents.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Labels is a Map like the immutable copy it replaces: same entries, lookups, equality; sorted; read-only. */
class LabelsTest {
  @Property(tries = 300)
  void isTheMapItWasMadeFrom(@ForAll @Size(max = 40) Map<@StringLength(max = 6) String, @StringLength(max = 6) String> map,
      @ForAll @StringLength(max = 6) String other) {
    Labels labels = Labels.copyOf(map);
    assertThat(labels).isEqualTo(map);
    assertThat(map).isEqualTo(labels);
    assertThat(Map.copyOf(map)).isEqualTo(labels);
    assertThat(labels.hashCode()).isEqualTo(map.hashCode());
    assertThat(labels.size()).isEqualTo(map.size());
    assertThat(new ArrayList<>(labels.keySet())).isEqualTo(new ArrayList<>(new TreeMap<>(map).keySet()));
    for (Map.Entry<String, String> entry : map.entrySet()) {
      assertThat(labels.get(entry.getKey())).isEqualTo(entry.getValue());
      assertThat(labels.containsKey(entry.getKey())).isTrue();
    }
    assertThat(labels.get(other)).isEqualTo(map.get(other));
    assertThat(labels.containsKey(other)).isEqualTo(map.containsKey(other));
    assertThat(Labels.copyOf(labels)).isSameAs(labels);
  }

  @Test
  void isReadOnlyAndRefusesNulls() {
    Labels labels = Labels.copyOf(Map.of("b", "2", "a", "1"));
    assertThatThrownBy(() -> labels.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(labels::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(labels.get(null)).isNull();
    assertThat(labels.get(1)).isNull();
    Map<String, String> withNull = new HashMap<>();
    withNull.put("a", null);
    assertThatThrownBy(() -> Labels.copyOf(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aBuilderKeepsTheLaterValueAndCannotChangeWhatItBuilt() {
    Labels.Builder builder = new Labels.Builder();
    for (int i = 20; i >= 0; i--) {
      builder.put("k" + (i % 10), "v" + i);
    }
    Labels labels = builder.build();
    assertThat(labels).hasSize(10).containsEntry("k3", "v3").containsEntry("k9", "v9");
    assertThat(labels.keySet()).startsWith("k0", "k1", "k2");
    assertThatThrownBy(() -> builder.put("k1", "changed")).isInstanceOf(NullPointerException.class);
    assertThat(labels).containsEntry("k1", "v1");
  }
}
