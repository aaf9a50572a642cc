package com.saypro.monitor.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The SLA file: what is read from it, and errors that name file, line and path. */
class SlaReaderTest {
  private String sla() throws Exception {
    return Files.readString(RepoRoot.find().resolve("prometheus/sla.yml"));
  }

  @Test
  void readsTheCommittedSla() throws Exception {
    SlaSpec spec = SlaReader.parse("sla.yml", sla());
    assertThat(spec.window().toDays()).isEqualTo(30);
    assertThat(spec.slos()).extracting(SlaSpec.Slo::name).contains("checkout", "payment", "api_latency", "network_latency");
    assertThat(spec.slos().get(0).errorBudget()).isEqualTo(0.001);
    assertThat(spec.incidents().acknowledge().get("critical").toMinutes()).isEqualTo(15);
    assertThat(spec.burnRates()).extracting(SlaSpec.BurnRate::factor).containsExactly(14.4, 6.0, 3.0, 1.0);
  }

  @Test
  void anUnknownKeyIsRefusedWithItsLocation() throws Exception {
    String bad = sla().replaceFirst("    objective: 99.9\n", "    objective: 99.9\n    objectiv: 99\n");
    assertThatThrownBy(() -> SlaReader.parse("sla.yml", bad)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("sla.yml:").hasMessageContaining("objectiv");
  }

  @Test
  void aHundredPercentAvailabilityObjectiveIsRefused() throws Exception {
    String bad = sla().replaceFirst("objective: 99.9", "objective: 100");
    assertThatThrownBy(() -> SlaReader.parse("sla.yml", bad)).hasMessageContaining("availability[0].objective")
        .hasMessageContaining("no error budget");
  }

  @Test
  void aShortWindowLongerThanTheLongOneIsRefused() throws Exception {
    String bad = sla().replace("long: 1h, short: 5m", "long: 1h, short: 2h");
    assertThatThrownBy(() -> SlaReader.parse("sla.yml", bad)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("burn_rates[0].short");
  }
}
