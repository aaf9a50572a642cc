package com.saypro.monitor.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with basic auth, through a real JDK HTTPS client against a real exporter. */
class HttpsBasicAuthTest {
  @TempDir Path dir;

  private final TestPki.Issued ca = TestPki.ca("test-ca");

  private ExporterTestKit start(String users) throws Exception {
    TestPki.writeServer(dir, TestPki.server(ca));
    String yaml = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\nbasic_auth_users:\n" + users;
    return ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start();
  }

  private HttpsClient client(ExporterTestKit kit) {
    return HttpsClient.https(TestPki.clientContext(ca, Optional.empty()), kit.port());
  }

  @Test
  void onlyTheRightPasswordOfAKnownUserGetsIn() throws Exception {
    try (ExporterTestKit kit = start("  alice: '" + HttpsClient.hash("wonderland") + "'\n")) {
      HttpsClient https = client(kit);

      HttpResponse<String> none = https.get("/metrics");
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"SayPro Monitor\"");
      assertThat(none.body()).doesNotContain("saypro_test_value");
      assertThat(https.get("/metrics", "Authorization", HttpsClient.basic("alice", "looking-glass")).statusCode()).isEqualTo(401);
      assertThat(https.get("/metrics", "Authorization", HttpsClient.basic("mallory", "wonderland")).statusCode()).isEqualTo(401);
      assertThat(https.get("/metrics", "Authorization", "Basic !!not-base64!!").statusCode()).isEqualTo(401);
      assertThat(https.get("/", "Authorization", HttpsClient.basic("alice", "wonderland")).statusCode()).isEqualTo(200);
      assertThat(https.post("/-/reload").statusCode()).isEqualTo(401);

      HttpResponse<String> ok = https.get("/metrics", "Authorization", HttpsClient.basic("alice", "wonderland"));
      assertThat(ok.statusCode()).isEqualTo(200);
      Scrape scrape = Scrape.parse(ok.body());
      assertThat(scrape.value("saypro_test_value", "greeting", "hello")).isEqualTo(42.0);
      assertThat(scrape.value("saypro_exporter_web_auth_failures_total", "reason", "missing")).isEqualTo(2.0);
      assertThat(scrape.value("saypro_exporter_web_auth_failures_total", "reason", "invalid")).isEqualTo(3.0);
    }
  }

  /**
   * 300 logins, good and bad mixed, from 64 client threads started together (the size of the
   * server's thread pool; more simultaneous new connections would only test the listen backlog).
   */
  @Test
  void concurrentGoodAndBadLoginsAreEachAnsweredRightly() throws Exception {
    String users = "  alice: '" + HttpsClient.hash("a-pass") + "'\n  bob: '" + HttpsClient.hash("b-pass") + "'\n"
        + "  carol: '" + HttpsClient.hash("c-pass") + "'\n";
    try (ExporterTestKit kit = start(users)) {
      HttpsClient https = client(kit);
      ExecutorService clients = Executors.newFixedThreadPool(64);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> good = new ArrayList<>();
      List<Future<Integer>> bad = new ArrayList<>();
      String[] names = {"alice", "bob", "carol"};
      try {
        for (int i = 0; i < 300; i++) {
          String user = names[i % 3];
          String password = user.charAt(0) + "-pass";
          String header = switch (i % 4) {
            case 0, 1 -> HttpsClient.basic(user, password);
            case 2 -> HttpsClient.basic(user, password + i);
            default -> HttpsClient.basic("nobody" + i, password);
          };
          Callable<Integer> login = () -> {
            go.await();
            return https.get("/metrics", "Authorization", header).statusCode();
          };
          (i % 4 < 2 ? good : bad).add(clients.submit(login));
        }
        go.countDown();
        assertThat(good).hasSize(150).allSatisfy(f -> assertThat(f.get()).isEqualTo(200));
        assertThat(bad).hasSize(150).allSatisfy(f -> assertThat(f.get()).isEqualTo(401));
      } finally {
        clients.shutdownNow();
      }
    }
  }

  /**
   * CVE-2022-46146: exporter-toolkit's cache key once concatenated user, hash and password. A user
   * named {@code alice<alice's hash>} logging in with password {@code p} then left an entry that
   * {@code alice} with password {@code <hash of that user>p} hit as well.
   */
  @Test
  void aPasswordThatContinuesAnotherUsersCacheKeyIsRefused() throws Exception {
    String aliceHash = HttpsClient.hash("alice-secret");
    String shadowHash = HttpsClient.hash("p");
    String shadowUser = "alice" + aliceHash;
    try (ExporterTestKit kit = start("  alice: '" + aliceHash + "'\n  '" + shadowUser + "': '" + shadowHash + "'\n")) {
      HttpsClient https = client(kit);
      assertThat(https.get("/metrics", "Authorization", HttpsClient.basic(shadowUser, "p")).statusCode()).isEqualTo(200);

      assertThat(https.get("/metrics", "Authorization", HttpsClient.basic("alice", shadowHash + "p")).statusCode())
          .isEqualTo(401);
      assertThat(https.get("/metrics", "Authorization", HttpsClient.basic("alice", "alice-secret")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void keysAsGoWritesThemAreServed() throws Exception {
    for (boolean rsa : new boolean[] {true, false}) {
      for (boolean pkcs8 : new boolean[] {true, false}) {
        TestPki.Issued server = TestPki.server(ca, rsa ? TestPki.rsa() : TestPki.ec());
        TestPki.write(dir.resolve("server.crt"), TestPki.pem(server.certificate(), ca.certificate()));
        String key = pkcs8 ? TestPki.pkcs8(server.keys().getPrivate()) : TestPki.traditional(server.keys());
        TestPki.write(dir.resolve("server.key"), key);
        assertThat(key).startsWith(pkcs8 ? "-----BEGIN PRIVATE KEY-----" : rsa ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----");

        String yaml = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";
        try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start()) {
          HttpResponse<String> response = client(kit).get("/-/healthy");
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(HttpsClient.servedCertificate(response)).isEqualTo(server.certificate());
          assertThat(kit.exporter().uri("localhost").getScheme()).isEqualTo("https");
        }
      }
    }
  }
}
