package com.saypro.monitor.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.core.testkit.TestMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter as a real process: SIGHUP reloads, SIGTERM lets a scrape in flight finish. */
class ProcessLifecycleTest {
  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void sighupReloadsAndSigtermFinishesTheScrapeInFlight() throws Exception {
    Path config = Files.writeString(dir.resolve("test.yml"),
        "greeting: first\nslow_for: 1500ms\ncollectors:\n  slow: {enabled: true}\n");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            TestMain.class.getName(), "test",
            "--config.file=" + config, "--web.listen-address=127.0.0.1:0")
        .redirectError(dir.resolve("stderr.log").toFile())
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("the URL line printed at start").isNotNull();
      Matcher url = URL.matcher(line);
      assertThat(url.find()).as(line).isTrue();
      URI base = URI.create(url.group(1));
      assertThat(get(base, "metrics").body()).contains("greeting=\"first\"");

      Files.writeString(config, "greeting: second\nslow_for: 1500ms\ncollectors:\n  slow: {enabled: true}\n");
      new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor();
      Await.until("reload on SIGHUP", Duration.ofSeconds(15), () -> get(base, "metrics").body().contains("greeting=\"second\""));

      CompletableFuture<HttpResponse<String>> inFlight =
          client.sendAsync(HttpRequest.newBuilder(base.resolve("metrics")).build(), HttpResponse.BodyHandlers.ofString());
      Await.until("the slow collection to start", Duration.ofSeconds(15), () -> get(base, "").body().contains("running since"));
      process.destroy(); // SIGTERM

      HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(finished.statusCode()).isEqualTo(200);
      assertThat(Scrape.parse(finished.body()).value("saypro_scrape_collector_success", "collector", "slow")).isEqualTo(1.0);
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("process exits after SIGTERM").isTrue();
      assertThat(Files.readString(dir.resolve("stderr.log"))).contains("msg=\"config reloaded\"", "msg=stopping");
    } finally {
      process.destroyForcibly();
    }
  }

  private HttpResponse<String> get(URI base, String path) {
    try {
      return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

}
