package com.saypro.monitor.marketplace.testing;

import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.demo.DemoConfig;
import com.saypro.monitor.demo.DemoConfigReader;
import com.saypro.monitor.demo.DemoMarketplace;
import com.saypro.monitor.demo.db.DatabaseSettings;
import com.saypro.monitor.demo.db.Dialect;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The real demo marketplace (the {@code demo} module) on free loopback ports, on a PostgreSQL
 * database of its own that is dropped afterwards: what the journey prober's embedded defaults probe.
 */
public final class RealDemo implements AutoCloseable {
  public static final String TOKEN = "journey-test-token-7d21";
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private final DemoMarketplace demo;
  private final String database;

  private RealDemo(DemoMarketplace demo, String database) {
    this.demo = demo;
    this.database = database;
  }

  public static RealDemo start() throws Exception {
    Path dir = Files.createTempDirectory("saypro-demo-");
    Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    String database = "saypro_journeys_" + Long.toHexString(System.nanoTime());
    DatabaseSettings settings = new DatabaseSettings(
        SERVER + database, Dialect.POSTGRESQL, "postgres", Optional.empty(), 4, Duration.ofSeconds(3), Duration.ofMillis(200));
    DemoConfig config = new DemoConfigReader(dir).read(ConfigNode.emptyMap("test"))
        .onFreePorts().withDatabase(settings).withTokenFile(token);
    RealDemo running = new RealDemo(DemoMarketplace.start(config, Clock.systemUTC(), new Random(7), name -> null), database);
    running.awaitCatalogue();
    return running;
  }

  /** Waits until the demo answers from its database (schema applied, seed inserted). */
  private void awaitCatalogue() {
    HttpClient http = HttpClient.newHttpClient();
    Await.until("the demo to serve its catalogue", Duration.ofSeconds(30), () -> {
      try {
        return http.send(HttpRequest.newBuilder(demo.frontUri().resolve("/api/products")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }


  /** Each default port of the demo (as the embedded journey config names them) to where it runs now. */
  public Map<String, String> addresses() {
    Map<String, String> moves = new HashMap<>();
    moves.put("8480", hostPort(demo.frontUri()));
    moves.put("8482", hostPort(demo.gatewayUri()));
    List<URI> backends = demo.backendUris();
    for (int i = 0; i < 3; i++) {
      moves.put(Integer.toString(8491 + i), hostPort(backends.get(i)));
    }
    return moves;
  }

  public URI faultsUri() {
    return demo.controlUri().resolve("/faults");
  }

  /** Payments declined so far, from the demo's application log. */
  public int declinedPayments() throws IOException {
    int count = 0;
    for (String line : Files.readAllLines(demo.config().appLog(), StandardCharsets.UTF_8)) {
      if (line.contains("\"event\":\"payment_failed\"") && line.contains("\"error_code\":\"declined\"")) {
        count++;
      }
    }
    return count;
  }

  /** Declined payments once at least {@code expectedNew} more than {@code before} are logged (or 10 s passed). */
  public int awaitDeclinedPayments(int before, int expectedNew) throws IOException {
    // the log line is written after the answer: wait for it
    Await.until(expectedNew + " declined payments in the app log", Duration.ofSeconds(10), () -> {
      try {
        return declinedPayments() - before >= expectedNew;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return declinedPayments();
  }


  private static String hostPort(URI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }

  @Override
  public void close() throws Exception {
    demo.close();
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
