package com.saypro.monitor.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the protocols from min_version to max_version are served. */
class TlsVersionTest {
  /** The JDK 17 default without TLSv1 and TLSv1.1, so the JVM itself no longer refuses them. */
  private static final String OLD_TLS_ALLOWED =
      "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n";

  @TempDir Path dir;

  private final TestPki.Issued ca = TestPki.ca("test-ca");

  @BeforeEach
  void certificates() {
    TestPki.writeServer(dir, TestPki.server(ca));
    TestPki.write(dir.resolve("ca.crt"), TestPki.pem(ca.certificate()));
  }

  @Test
  void aTls11ClientIsRefusedByMinVersionTls12AndServedWithTls11() throws Exception {
    assertThat(probe("TLS12", "TLSv1.1")).startsWith("REFUSED ");
    // the same client, JVM settings and certificate succeed when the config allows TLS 1.1:
    // the refusal above comes from min_version, not from the JDK or the client
    assertThat(probe("TLS11", "TLSv1.1")).isEqualTo("OK TLSv1.1");
  }

  @Test
  void maxVersionTls12RefusesATls13OnlyClient() throws Exception {
    String yaml = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  max_version: TLS12\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start()) {
      assertThat(handshake(kit.port(), "TLSv1.2")).isEqualTo("OK TLSv1.2");
      assertThat(handshake(kit.port(), "TLSv1.3")).startsWith("REFUSED ");
    }
  }

  @Test
  void theDefaultsServeTls12AndTls13() throws Exception {
    String yaml = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start()) {
      assertThat(handshake(kit.port(), "TLSv1.2")).isEqualTo("OK TLSv1.2");
      assertThat(handshake(kit.port(), "TLSv1.3")).isEqualTo("OK TLSv1.3");
    }
  }

  private String handshake(int port, String protocol) throws IOException {
    SSLContext context = TestPki.clientContext(ca, Optional.empty());
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      return "OK " + socket.getSession().getProtocol();
    } catch (IOException e) {
      return "REFUSED " + e;
    }
  }

  /** Runs {@link TlsVersionProbe} in a JVM that allows TLS 1.0 and 1.1. */
  private String probe(String minVersion, String clientProtocol) throws Exception {
    Files.writeString(dir.resolve("web-config.yml"),
        "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  min_version: " + minVersion + "\n");
    Path security = Files.writeString(dir.resolve("old-tls.security"), OLD_TLS_ALLOWED);
    Path output = dir.resolve("probe-" + minVersion + ".out");
    Process process = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.security.properties=" + security,
            "-cp", System.getProperty("java.class.path"),
            TlsVersionProbe.class.getName(), dir.toString(), clientProtocol))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish; its output:\n" + Files.readString(output));
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    return text.lines().filter(line -> line.startsWith("RESULT ")).map(line -> line.substring(7)).findFirst()
        .orElseThrow(() -> new AssertionError("the probe JVM printed no result:\n" + text));
  }
}
