package com.saypro.monitor.core.testkit;

import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.exporter.ExporterOptions;
import com.saypro.monitor.core.exporter.RunningExporter;
import com.saypro.monitor.core.http.HttpServers;
import com.saypro.monitor.core.http.ListenAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Starts an exporter in-process on a random loopback port, exactly as the launcher does, and talks
 * to it over real HTTP, so an exporter's tests read like its users' experience:
 *
 * <pre>{@code
 * try (ExporterTestKit kit = ExporterTestKit.builder(new DatabaseExporter()).config(yaml).start()) {
 *   Scrape scrape = kit.scrape();
 *   assertThat(scrape.value("saypro_db_up", "target", "orders")).isEqualTo(1.0);
 * }
 * }</pre>
 */
public final class ExporterTestKit implements AutoCloseable {
  private final RunningExporter exporter;
  private final CollectorWorkers workers;
  private final QueuedThreadPool pool;
  private final Path directory;
  private final HttpClient client;

  private ExporterTestKit(RunningExporter exporter, CollectorWorkers workers, QueuedThreadPool pool, Path directory) {
    this.exporter = exporter;
    this.workers = workers;
    this.pool = pool;
    this.directory = directory;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static Builder builder(ExporterDefinition definition) {
    return new Builder(definition);
  }

  /** Builds the options and starts the exporter. */
  public static final class Builder {
    private final ExporterDefinition definition;
    private String config;
    private String webConfig;
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> environment = new HashMap<>();
    private boolean jvmMetrics;
    private Path directory;

    private Builder(ExporterDefinition definition) {
      this.definition = definition;
    }

    /** The exporter's config file content (written to a temporary {@code config.yml}). */
    public Builder config(String yaml) {
      this.config = yaml;
      return this;
    }

    /** A {@code web-config.yml} content. */
    public Builder webConfig(String yaml) {
      this.webConfig = yaml;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder env(String name, String value) {
      environment.put(name, value);
      return this;
    }

    public Builder jvmMetrics(boolean on) {
      this.jvmMetrics = on;
      return this;
    }

    /** Where the config files go (default: a new temporary folder). */
    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    public ExporterTestKit start() throws ConfigException {
      try {
        Path dir = directory != null ? directory : Files.createTempDirectory("saypro-test-");
        Optional<Path> configFile = Optional.empty();
        if (config != null) {
          configFile = Optional.of(Files.writeString(dir.resolve("config.yml"), config));
        }
        Optional<Path> webFile = Optional.empty();
        if (webConfig != null) {
          webFile = Optional.of(Files.writeString(dir.resolve("web-config.yml"), webConfig));
        }
        CollectorWorkers workers = new CollectorWorkers();
        QueuedThreadPool pool = HttpServers.threadPool();
        ExporterOptions options =
            new ExporterOptions(
                definition,
                configFile,
                Optional.empty(),
                new ListenAddress("127.0.0.1", 0),
                webFile,
                jvmMetrics,
                clock,
                environment::get,
                workers,
                pool);
        try {
          return new ExporterTestKit(RunningExporter.start(options), workers, pool, dir);
        } catch (ConfigException | RuntimeException e) {
          workers.close();
          stop(pool);
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public RunningExporter exporter() {
    return exporter;
  }

  public int port() {
    return exporter.port();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** The folder holding {@code config.yml} and {@code web-config.yml}. */
  public Path directory() {
    return directory;
  }

  /** Replaces {@code config.yml} (then call {@code post("/-/reload")}). */
  public void rewriteConfig(String yaml) {
    try {
      Files.writeString(directory.resolve("config.yml"), yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  public HttpResponse<String> post(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), headers);
  }

  public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    return send(request, HttpResponse.BodyHandlers.ofString(), headers);
  }

  public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.timeout(Duration.ofSeconds(30)).build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET /metrics in the Prometheus text format, parsed; fails unless the answer is 200. */
  public Scrape scrape(String... headers) {
    HttpResponse<String> response = get("/metrics", headers);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
    }
    return Scrape.parse(response.body());
  }

  @Override
  public void close() {
    exporter.close();
    workers.close();
    stop(pool);
  }

  private static void stop(QueuedThreadPool pool) {
    try {
      pool.stop();
    } catch (Exception ignored) {
      // test teardown
    }
  }
}
