package com.saypro.monitor.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.TestCollectors;
import org.junit.jupiter.api.Test;

/** The exposition passes Prometheus' own linter, JVM metrics and failing collectors included. */
class PromtoolCheckMetricsTest {
  @Test
  void metricsPassPromtoolCheckMetrics() throws Exception {
    String config = "collectors:\n  throws: {enabled: true}\n  slow: {enabled: true, min_interval: 1m}\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).config(config).jvmMetrics(true).start()) {
      String exposition = kit.get("/metrics").body();
      Promtool.Result result = Promtool.checkMetrics(exposition);
      assertThat(result.output()).isEmpty();
      assertThat(result.exitCode()).isZero();
    }
  }

  @Test
  void promtoolDoesCatchABadExposition() {
    // proves the check above can fail: a counter without _total is a lint problem
    Promtool.Result result = Promtool.checkMetrics("# HELP x_count A.\n# TYPE x_count counter\nx_count 1\n");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("x_count");
  }
}
