package com.saypro.monitor.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LogLinesTest {
  private static LoggingEvent event(String message, Throwable error) {
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent("x", context.getLogger("com.saypro.monitor.core.exporter.RunningExporter"),
        Level.WARN, message, error, null);
    event.setTimeStamp(1_795_000_000_000L);
    return event;
  }

  @Test
  void logfmtQuotesAndEscapesOneLinePerEvent() {
    String line = new LogLines(LogFormat.LOGFMT, false).doLayout(event("a \"quoted\"\nvalue", new IllegalStateException("bad")));
    assertThat(line).isEqualTo("ts=2026-11-18T11:06:40Z level=warn logger=RunningExporter msg=\"a \\\"quoted\\\"\\nvalue\""
        + " err=\"java.lang.IllegalStateException: bad\"\n");
  }

  @Test
  void logfmtLeavesSimpleValuesBare() {
    assertThat(new LogLines(LogFormat.LOGFMT, false).doLayout(event("stopping", null))).endsWith(" msg=stopping\n");
  }

  @Test
  void jsonIsOneValidObjectPerLineAndStackTracesOnlyAtDebug() throws Exception {
    String quiet = new LogLines(LogFormat.JSON, false).doLayout(event("x\ty \"z\"", new RuntimeException("boom")));
    assertThat(quiet).endsWith("}\n").doesNotContain("\n{");
    JsonNode node = new ObjectMapper().readTree(quiet);
    assertThat(node.get("msg").asText()).isEqualTo("x\ty \"z\"");
    assertThat(node.get("level").asText()).isEqualTo("warn");
    assertThat(node.get("err").asText()).isEqualTo("java.lang.RuntimeException: boom");
    assertThat(node.has("stack")).isFalse();

    String debug = new LogLines(LogFormat.JSON, true).doLayout(event("x", new RuntimeException("boom")));
    assertThat(new ObjectMapper().readTree(debug).get("stack").asText()).contains("LogLinesTest");
  }
}
