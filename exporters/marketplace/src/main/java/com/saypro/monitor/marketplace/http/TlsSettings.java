package com.saypro.monitor.marketplace.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How probes trust HTTPS servers: the JVM's default trust store, or only the CA certificates of a
 * PEM file ({@code ca_file}, as blackbox_exporter's {@code tls_config.ca_file}), or nothing at all
 * ({@code insecure_skip_verify}, which still reads the certificate's expiry).
 *
 * @param verify whether the chain and the host name are checked
 */
public record TlsSettings(SSLSocketFactory socketFactory, boolean verify, String description) {
  public static TlsSettings systemDefault() {
    try {
      return new TlsSettings(SSLContext.getDefault().getSocketFactory(), true, "JVM trust store");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /** Trusts the certificates of the PEM file {@code caFile} and nothing else. */
  public static TlsSettings trusting(Path caFile) throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(caFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no certificate in the file");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return new TlsSettings(context.getSocketFactory(), true, "CA file " + caFile.getFileName());
  }

  /** Trusts any certificate for any name; for test systems only. */
  public static TlsSettings insecure() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustingEverything()}, null);
      return new TlsSettings(context.getSocketFactory(), false, "no verification (insecure_skip_verify)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context", e);
    }
  }

  private static final class TrustingEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
