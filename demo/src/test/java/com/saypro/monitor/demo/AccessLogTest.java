package com.saypro.monitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.demo.logs.AccessLogLine;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The front's access log parses with the documented nginx log_format, line by line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest {
  private TestDatabase database;
  private RunningDemo demo;

  @BeforeAll
  void start() throws Exception {
    database = TestDatabase.postgres();
    demo = RunningDemo.start(database.settings(), Files.createTempDirectory("demo-access"));
  }

  @AfterAll
  void stop() throws Exception {
    demo.close();
    database.close();
  }

  @Test
  void everyLineMatchesTheLogFormatWithUpstreamAndTimes() throws Exception {
    RunningDemo.Visitor visitor = demo.visitor();
    visitor.get("/api/search?q=oak");
    visitor.get("/healthz");
    visitor.get("/no/such/page");
    visitor.postJson("/api/login", "{\"email\":\"x@y\",\"password\":\"z\"}");

    List<AccessLogParser.Parsed> lines = demo.accessLogWith("GET /api/search", "GET /healthz", "GET /no/such", "POST /api/login").stream().map(AccessLogParser::parse).toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
    AccessLogParser.Parsed search = lines.stream().filter(l -> l.request().startsWith("GET /api/search")).findFirst().orElseThrow();
    assertThat(search.request()).isEqualTo("GET /api/search?q=oak HTTP/1.1");
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.bodyBytesSent()).isPositive();
    assertThat(search.userAgent()).isEqualTo("demo-test");
    assertThat(search.referer()).isEqualTo("-");
    assertThat(search.timeLocal()).matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");
    assertThat(search.upstreamAddr()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(search.upstreamStatus()).isEqualTo("200");
    assertThat(Double.parseDouble(search.upstreamResponseTime())).isLessThanOrEqualTo(search.requestTime());
    assertThat(search.upstreamResponseTime()).matches("\\d+\\.\\d{3}");

    AccessLogParser.Parsed health = lines.stream().filter(l -> l.request().startsWith("GET /healthz")).findFirst().orElseThrow();
    assertThat(health.upstreamAddr()).isEqualTo("-");
    assertThat(health.upstreamResponseTime()).isEqualTo("-");
    AccessLogParser.Parsed missing = lines.stream().filter(l -> l.request().startsWith("GET /no/such")).findFirst().orElseThrow();
    assertThat(missing.status()).isEqualTo(404);
    AccessLogParser.Parsed login = lines.stream().filter(l -> l.request().startsWith("POST /api/login")).findFirst().orElseThrow();
    assertThat(login.status()).isEqualTo(401);
  }

  @Test
  void stringsAreEscapedAsNginxDoes() {
    String line = new AccessLogLine("10.0.0.1", Instant.parse("2026-11-24T10:00:00Z"), "GET", "/search?q=\"x\"", "HTTP/1.1",
        200, 5, null, "agent \\ \"quoted\" é", 1_234_567, "127.0.0.1:8491", 1_000_999, 200).format(ZoneOffset.UTC);
    assertThat(line).isEqualTo("10.0.0.1 - - [24/Nov/2026:10:00:00 +0000] \"GET /search?q=\\x22x\\x22 HTTP/1.1\" 200 5 \"-\" "
        + "\"agent \\x5C \\x22quoted\\x22 \\xC3\\xA9\" 1.234 127.0.0.1:8491 1.000 200");
    AccessLogParser.Parsed parsed = AccessLogParser.parse(line);
    assertThat(parsed.userAgent()).isEqualTo("agent \\x5C \\x22quoted\\x22 \\xC3\\xA9");
    assertThat(parsed.requestTime()).isEqualTo(1.234);
  }
}
