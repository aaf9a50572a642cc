package com.saypro.monitor.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.collect.MetricDef;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe answer written directly is exactly what client_java's text writer makes of the same values. */
class ProbeTextTest {
  private static final MetricDef PLAIN = MetricDef.gauge("saypro_probe_success", "1 if it worked \\ or \"not\"\nreally.");
  private static final MetricDef TWO_LABELS = MetricDef.gauge("saypro_probe_step_phase_seconds", "Phases.", "step", "phase");

  @Test
  void writesWhatThePrometheusTextWriterWrites() throws Exception {
    String direct = new ProbeText()
        .add(TWO_LABELS, 0.25, "pay", "transfer")
        .add(TWO_LABELS, 1e-7, "pay", "connect")
        .add(TWO_LABELS, Double.POSITIVE_INFINITY, "a \"quoted\" \\ step\nname", "tls")
        .add(PLAIN, 1)
        .add(TWO_LABELS, 12345678.5, "cart", "connect")
        .render();

    MetricDef.Points phases = TWO_LABELS.points()
        .add(0.25, "pay", "transfer")
        .add(1e-7, "pay", "connect")
        .add(Double.POSITIVE_INFINITY, "a \"quoted\" \\ step\nname", "tls")
        .add(12345678.5, "cart", "connect");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(expected,
        new MetricSnapshots(List.of(phases.build(), PLAIN.points().add(1).build())));

    assertThat(direct).isEqualTo(expected.toString(StandardCharsets.UTF_8));
  }

  @Test
  void refusesTheWrongNumberOfLabelValues() {
    assertThatThrownBy(() -> new ProbeText().add(TWO_LABELS, 1, "pay"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("saypro_probe_step_phase_seconds takes 2 label values");
  }
}
