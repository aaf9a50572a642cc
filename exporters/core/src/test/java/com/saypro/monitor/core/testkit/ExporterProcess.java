package com.saypro.monitor.core.testkit;

import com.saypro.monitor.core.cli.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An exporter in a JVM of its own, started with the same command line as {@code saypro-monitor EXPORTER ...}
 * (every exporter on the test class path, found as the launcher finds them), so that a test can really kill it
 * ({@code kill -9}) and start it again on the same state.
 */
public final class ExporterProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;

  private ExporterProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The child's entry point: the launcher's command line. */
  public static void main(String[] args) {
    int code = Commands.run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Starts {@code exporter} with {@code --config.file=config} on 127.0.0.1:{@code port}, its output appended to
   * {@code log}, and waits until {@code /-/ready} answers 200 (failing at once if the process exits).
   */
  public static ExporterProcess start(String exporter, Path config, int port, Path log, List<String> jvmOptions) {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, ExporterProcess.class.getName(), exporter,
        "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExporterProcess child = new ExporterProcess(process, port);
    Await.until("the " + exporter + " process on port " + port + " to be ready (log: " + log + ")",
        Duration.ofSeconds(60), () -> {
          if (!process.isAlive()) {
            throw new AssertionError("the exporter process exited with " + process.exitValue() + "; see " + log);
          }
          return child.status("/-/ready") == 200;
        });
    return child;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public Process process() {
    return process;
  }

  /** The HTTP status of a GET, or -1 when nothing answers. */
  public int status(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** {@code /metrics}, parsed. */
  public Scrape scrape() {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
      }
      return Scrape.parse(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no final checkpoint. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
