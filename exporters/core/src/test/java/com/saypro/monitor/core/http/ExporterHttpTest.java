package com.saypro.monitor.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** What a user or Prometheus sees over HTTP. */
class ExporterHttpTest {
  private static final String CONFIG = "greeting: \"<script>alert(1)</script>\"\n";

  @Test
  void metricsAreServedInTextOpenMetricsAndProtobuf() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).config(CONFIG).start()) {
      HttpResponse<String> text = kit.get("/metrics");
      assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
      assertThat(text.body()).contains("saypro_test_value{greeting=\"<script>alert(1)</script>\"} 42.0");

      HttpResponse<String> open = kit.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
      assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/openmetrics-text"));
      assertThat(open.body()).endsWith("# EOF\n").contains("saypro_exporter_build_info{");

      HttpResponse<byte[]> proto = kit.send(HttpRequest.newBuilder(kit.uri("/metrics"))
          .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(proto.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/vnd.google.protobuf"));
      assertThat(new String(proto.body(), StandardCharsets.ISO_8859_1)).contains("saypro_test_value");
    }
  }

  @Test
  void metricsAreGzippedWhenAsked() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).start()) {
      HttpResponse<byte[]> response = kit.send(HttpRequest.newBuilder(kit.uri("/metrics")).header("Accept-Encoding", "gzip"),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
      String body = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(Scrape.parse(body).value("saypro_test_value", "greeting", "hello")).isEqualTo(42.0);
    }
  }

  @Test
  void landingPageListsEndpointsAndCollectorsEscaped() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).config(CONFIG).start()) {
      kit.scrape();
      HttpResponse<String> page = kit.get("/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
      assertThat(page.body())
          .contains("/metrics", "/-/healthy", "/-/ready", "POST /-/reload")
          .contains("<td>value</td>", "<td>series</td>", "<span class=\"ok\">ok</span>")
          .contains("Collectors for testing the core &lt;b&gt;runtime&lt;/b&gt;")
          .doesNotContain("<b>runtime</b>");
    }
  }

  @Test
  void healthReadinessAndUnknownRoutes() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).start()) {
      assertThat(kit.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(kit.get("/-/ready").statusCode()).isEqualTo(200);
      HttpResponse<String> unknown = kit.get("/debug/pprof");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).doesNotContain("pprof");
      assertThat(kit.get("/metrics/").statusCode()).isEqualTo(404);
      HttpResponse<String> postMetrics = kit.post("/metrics");
      assertThat(postMetrics.statusCode()).isEqualTo(405);
      assertThat(postMetrics.headers().firstValue("Allow")).contains("GET, HEAD");
      HttpResponse<String> getReload = kit.get("/-/reload");
      assertThat(getReload.statusCode()).isEqualTo(405);
      assertThat(getReload.headers().firstValue("Allow")).contains("POST, PUT");
      assertThat(unknown.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void reloadSwapsTheConfigAndAFailedReloadKeepsItAndIsCounted() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).config("greeting: first\n").start()) {
      assertThat(kit.scrape().value("saypro_test_value", "greeting", "first")).isEqualTo(42.0);

      kit.rewriteConfig("greeting: second\n");
      assertThat(kit.post("/-/reload").statusCode()).isEqualTo(200);
      Scrape afterGood = kit.scrape();
      assertThat(afterGood.value("saypro_test_value", "greeting", "second")).isEqualTo(42.0);
      assertThat(afterGood.value("saypro_exporter_config_last_reload_successful")).isEqualTo(1.0);

      kit.rewriteConfig("greeting: third\nseries: lots\n");
      HttpResponse<String> refused = kit.post("/-/reload");
      assertThat(refused.statusCode()).isEqualTo(500);
      assertThat(refused.body()).contains("config.yml:2: series: \"lots\" is not a whole number");
      Scrape afterBad = kit.scrape();
      assertThat(afterBad.value("saypro_test_value", "greeting", "second")).isEqualTo(42.0);
      assertThat(afterBad.value("saypro_exporter_config_last_reload_successful")).isEqualTo(0.0);
      assertThat(afterBad.value("saypro_exporter_config_reload_failures_total")).isEqualTo(1.0);
    }
  }

  @Test
  void buildInfoNamesTheExporter() throws Exception {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).jvmMetrics(true).start()) {
      Scrape scrape = kit.scrape();
      assertThat(scrape.find("saypro_exporter_build_info", "exporter", "test")).hasSize(1);
      assertThat(scrape.families()).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void aPortInUseIsOneClearLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> startOn(port))
          .isInstanceOf(ConfigException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + port
              + ": address already in use or not available (choose another with --web.listen-address)");
    }
  }

  private static void startOn(int port) throws Exception {
    com.saypro.monitor.core.collect.CollectorWorkers workers = new com.saypro.monitor.core.collect.CollectorWorkers();
    try {
      com.saypro.monitor.core.exporter.RunningExporter.start(new com.saypro.monitor.core.exporter.ExporterOptions(
          new TestCollectors(), java.util.Optional.empty(), java.util.Optional.empty(), new ListenAddress("127.0.0.1", port),
          java.util.Optional.empty(), false, java.time.Clock.systemUTC(), n -> null, workers, HttpServers.threadPool())).close();
    } finally {
      workers.close();
    }
  }

  @Test
  void listenAddressesParse() {
    assertThat(ListenAddress.parse(":9810")).contains(new ListenAddress(null, 9810));
    assertThat(ListenAddress.parse("127.0.0.1:80")).contains(new ListenAddress("127.0.0.1", 80));
    assertThat(ListenAddress.parse("[::1]:9810")).contains(new ListenAddress("::1", 9810));
    assertThat(ListenAddress.parse("localhost:1")).contains(new ListenAddress("localhost", 1));
    for (String bad : new String[] {"9810", ":", ":99999", "::1:9810", "[::1:9810", "a b:1", ":-1", "host:port"}) {
      assertThat(ListenAddress.parse(bad)).as(bad).isEmpty();
    }
    HttpClient.newHttpClient(); // the JDK client the test kit uses is available
  }
}
