package com.saypro.monitor.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS per client_auth_type, with real client certificates. */
class ClientCertificateTest {
  @TempDir Path dir;

  private final TestPki.Issued serverCa = TestPki.ca("server-ca");
  private final TestPki.Issued clientCa = TestPki.ca("client-ca");
  private final TestPki.Issued strangerCa = TestPki.ca("stranger-ca");

  private ExporterTestKit start(String clientAuth) throws Exception {
    TestPki.writeServer(dir, TestPki.server(serverCa));
    TestPki.write(dir.resolve("client-ca.crt"), TestPki.pem(clientCa.certificate()));
    String yaml = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
        + "  client_ca_file: client-ca.crt\n" + clientAuth;
    return ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start();
  }

  private int get(ExporterTestKit kit, Optional<TestPki.Issued> clientCertificate) throws Exception {
    return HttpsClient.https(TestPki.clientContext(serverCa, clientCertificate), kit.port()).get("/metrics").statusCode();
  }

  @Test
  void requireAndVerifyAcceptsOnlyCertificatesFromTheClientCa() throws Exception {
    try (ExporterTestKit kit = start("  client_auth_type: RequireAndVerifyClientCert\n")) {
      assertThat(get(kit, Optional.of(TestPki.client(clientCa, "prometheus")))).isEqualTo(200);
      assertThatThrownBy(() -> get(kit, Optional.of(TestPki.client(strangerCa, "prometheus")))).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> get(kit, Optional.empty())).isInstanceOf(IOException.class);
    }
  }

  @Test
  void verifyIfGivenLetsClientsWithoutACertificateInButNotWrongOnes() throws Exception {
    try (ExporterTestKit kit = start("  client_auth_type: VerifyClientCertIfGiven\n")) {
      assertThat(get(kit, Optional.empty())).isEqualTo(200);
      assertThat(get(kit, Optional.of(TestPki.client(clientCa, "prometheus")))).isEqualTo(200);
      assertThatThrownBy(() -> get(kit, Optional.of(TestPki.client(strangerCa, "prometheus")))).isInstanceOf(IOException.class);
    }
  }

  @Test
  void allowedSansNarrowWhichVerifiedCertificatesGetIn() throws Exception {
    try (ExporterTestKit kit = start(
        "  client_auth_type: RequireAndVerifyClientCert\n  client_allowed_sans: [prometheus.example.com]\n")) {
      assertThat(get(kit, Optional.of(TestPki.client(clientCa, "prom", "prometheus.example.com")))).isEqualTo(200);
      assertThatThrownBy(() -> get(kit, Optional.of(TestPki.client(clientCa, "other", "grafana.example.com"))))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void requireAnyTakesAnyCertificateButNeedsOne() throws Exception {
    TestPki.writeServer(dir, TestPki.server(serverCa));
    String yaml = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
        + "  client_auth_type: RequireAnyClientCert\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start()) {
      assertThat(get(kit, Optional.of(TestPki.client(strangerCa, "anyone")))).isEqualTo(200);
      assertThatThrownBy(() -> get(kit, Optional.empty())).isInstanceOf(IOException.class);
    }
  }
}
