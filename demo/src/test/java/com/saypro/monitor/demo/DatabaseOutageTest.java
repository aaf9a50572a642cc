package com.saypro.monitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The database is not there when the demo starts: it says so in one line with the fix, serves the
 * pages that need no database, answers 503 where one is needed, and recovers once it comes.
 */
class DatabaseOutageTest {
  @Test
  void startsWithoutTheDatabaseAndRecoversWhenItComes() throws Exception {
    try (TestDatabase database = TestDatabase.postgres()) {
      int port = TcpForwarder.freePort();
      try (TcpForwarder forwarder = new TcpForwarder(port, 5432);
          RunningDemo demo = RunningDemo.start(database.settings(database.url("127.0.0.1", port)),
              Files.createTempDirectory("demo-outage"))) {
        assertThat(demo.demo.database().isUp()).isFalse();
        String line = demo.demo.database().unreachableLine("Connection refused");
        assertThat(line).startsWith("PostgreSQL at 127.0.0.1:" + port + " is not reachable (Connection refused): start it")
            .contains("--db.url=").doesNotContain("\n");
        assertThat(demo.events("database_unavailable")).singleElement().satisfies(e -> {
          assertThat(e.path("database").asText()).isEqualTo("postgresql");
          assertThat(e.path("address").asText()).isEqualTo("127.0.0.1:" + port);
        });

        RunningDemo.Visitor visitor = demo.visitor();
        assertThat(visitor.get("/").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/login").statusCode()).isEqualTo(200);
        assertThat(RunningDemo.parse(visitor.get("/healthz").body()).path("database").asText()).isEqualTo("down");
        HttpResponse<String> search = visitor.get("/api/search?q=lamp");
        assertThat(search.statusCode()).isEqualTo(503);
        assertThat(RunningDemo.parse(search.body()).path("error").asText()).isEqualTo("database_unavailable");
        assertThat(visitor.postJson("/api/login", "{\"email\":\"customer1@saypro.example\",\"password\":\"demo-password\"}")
            .statusCode()).isEqualTo(503);
        assertThat(demo.events("product_listing_error")).anySatisfy(e ->
            assertThat(e.path("error").asText()).isEqualTo("database_unavailable"));
        assertThat(demo.events("login_failed")).anySatisfy(e ->
            assertThat(e.path("reason").asText()).isEqualTo("database_unavailable"));

        forwarder.open();
        com.saypro.monitor.core.testkit.Await.until("search to answer again", Duration.ofSeconds(30),
            () -> {
              try {
                return visitor.get("/api/search?q=lamp").statusCode() == 200;
              } catch (java.io.IOException e) {
                return false; // the front may refuse while it reconnects
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });
        assertThat(visitor.get("/api/search?q=lamp").statusCode()).isEqualTo(200);
        assertThat(RunningDemo.parse(visitor.get("/healthz").body()).path("database").asText()).isEqualTo("up");
        assertThat(visitor.buy(3, "sandbox").statusCode()).isEqualTo(200);
        assertThat(demo.events("database_recovered")).hasSize(1);
      }
    }
  }
}
