package com.saypro.monitor.core.web;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Run in a JVM of its own by {@link TlsVersionTest}: starts an exporter with the web config in the
 * folder given, then tries one handshake with only the protocol given, and prints {@code RESULT OK
 * <protocol>} or {@code RESULT REFUSED <exception>}. A separate JVM because the JDK's
 * {@code jdk.tls.disabledAlgorithms} is read once per JVM, and must allow TLS 1.1 on both sides to
 * show that it is our server, not the JDK, that refuses it.
 */
public final class TlsVersionProbe {
  private TlsVersionProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String protocol = args[1];
    String yaml = Files.readString(dir.resolve("web-config.yml"));
    String result;
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start()) {
      result = handshake(dir.resolve("ca.crt"), kit.port(), protocol);
    }
    System.out.println("RESULT " + result);
    System.exit(0);
  }

  private static String handshake(Path caFile, int port, String protocol) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caFile)) {
      trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      return "OK " + socket.getSession().getProtocol();
    } catch (java.io.IOException e) {
      return "REFUSED " + e;
    }
  }
}
