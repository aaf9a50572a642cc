package com.saypro.monitor.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /-/reload re-reads the web config: new users and certificates apply, broken files change nothing. */
class WebReloadTest {
  private static final String TLS = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";
  private static final String ALICE = HttpsClient.basic("alice", "alice-pw");
  private static final String BOB = HttpsClient.basic("bob", "bob-pw");

  @TempDir Path dir;

  private final TestPki.Issued ca = TestPki.ca("test-ca");
  private TestPki.Issued server;

  @BeforeEach
  void certificate() {
    server = TestPki.server(ca);
    TestPki.writeServer(dir, server);
  }

  private ExporterTestKit start() throws Exception {
    String yaml = TLS + "basic_auth_users:\n  alice: '" + HttpsClient.hash("alice-pw") + "'\n";
    return ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start();
  }

  /** A fresh client: a new connection, so the certificate served now is the one seen. */
  private HttpsClient client(ExporterTestKit kit) {
    return HttpsClient.https(TestPki.clientContext(ca, Optional.empty()), kit.port());
  }

  private void rewrite(String yaml) {
    TestPki.write(dir.resolve("web-config.yml"), yaml);
  }

  @Test
  void aBrokenWebConfigKeepsAuthEnforcedAndIsCounted() throws Exception {
    try (ExporterTestKit kit = start()) {
      rewrite(TLS + "basic_auth_users:\n  alice: alice-pw-in-clear\n");

      HttpResponse<String> reload = client(kit).post("/-/reload", "Authorization", ALICE);

      assertThat(reload.statusCode()).isEqualTo(500);
      assertThat(reload.body()).contains("web-config.yml:5: basic_auth_users.alice: is not a bcrypt hash")
          .doesNotContain("alice-pw-in-clear");
      assertThat(client(kit).get("/metrics").statusCode()).isEqualTo(401);
      assertThat(client(kit).get("/metrics", "Authorization", HttpsClient.basic("alice", "alice-pw-in-clear")).statusCode())
          .isEqualTo(401);
      Scrape scrape = Scrape.parse(client(kit).get("/metrics", "Authorization", ALICE).body());
      assertThat(scrape.value("saypro_exporter_config_reload_failures_total")).isEqualTo(1.0);
      assertThat(scrape.value("saypro_exporter_config_last_reload_successful")).isZero();
    }
  }

  @Test
  void aNewUserListTakesEffect() throws Exception {
    try (ExporterTestKit kit = start()) {
      rewrite(TLS + "basic_auth_users:\n  bob: '" + HttpsClient.hash("bob-pw") + "'\n");

      assertThat(client(kit).post("/-/reload", "Authorization", ALICE).statusCode()).isEqualTo(200);

      assertThat(client(kit).get("/metrics", "Authorization", ALICE).statusCode()).isEqualTo(401);
      assertThat(client(kit).get("/metrics", "Authorization", BOB).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aRotatedCertificateIsServedAfterReload() throws Exception {
    try (ExporterTestKit kit = start()) {
      TestPki.Issued rotated = TestPki.server(ca);
      TestPki.writeServer(dir, rotated);
      assertThat(HttpsClient.servedCertificate(client(kit).get("/-/healthy", "Authorization", ALICE)))
          .isEqualTo(server.certificate());

      assertThat(client(kit).post("/-/reload", "Authorization", ALICE).statusCode()).isEqualTo(200);

      HttpResponse<String> after = client(kit).get("/-/healthy", "Authorization", ALICE);
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(HttpsClient.servedCertificate(after)).isEqualTo(rotated.certificate());
    }
  }

  @Test
  void switchingTlsOffNeedsARestart() throws Exception {
    try (ExporterTestKit kit = start()) {
      rewrite("basic_auth_users:\n  alice: '" + HttpsClient.hash("alice-pw") + "'\n");

      HttpResponse<String> reload = client(kit).post("/-/reload", "Authorization", ALICE);

      assertThat(reload.statusCode()).isEqualTo(500);
      assertThat(reload.body()).contains("web-config.yml: tls_server_config: switching TLS off needs a restart");
      Scrape scrape = Scrape.parse(client(kit).get("/metrics", "Authorization", ALICE).body());
      assertThat(scrape.value("saypro_exporter_config_reload_failures_total")).isEqualTo(1.0);
    }
  }

  @Test
  void aRotatedKeyThatDoesNotMatchItsCertificateKeepsTheOldPair() throws Exception {
    try (ExporterTestKit kit = start()) {
      TestPki.write(dir.resolve("server.key"), TestPki.pkcs8(TestPki.ec().getPrivate()));

      HttpResponse<String> reload = client(kit).post("/-/reload", "Authorization", ALICE);

      assertThat(reload.statusCode()).isEqualTo(500);
      assertThat(reload.body()).contains("does not match the certificate");
      HttpResponse<String> after = client(kit).get("/-/healthy", "Authorization", ALICE);
      assertThat(HttpsClient.servedCertificate(after)).isEqualTo(server.certificate());
    }
  }
}
