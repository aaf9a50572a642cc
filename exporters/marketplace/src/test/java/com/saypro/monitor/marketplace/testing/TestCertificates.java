package com.saypro.monitor.marketplace.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA and a server certificate it signed, made fresh by each test run: valid for
 * 127.0.0.1, localhost and shop.test, expiring at a known instant.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final X509Certificate ca;
  private final X509Certificate server;
  private final KeyPair serverKeys;

  private TestCertificates(X509Certificate ca, X509Certificate server, KeyPair serverKeys) {
    this.ca = ca;
    this.server = server;
    this.serverKeys = serverKeys;
  }

  /** A CA and a server certificate valid for {@code validFor} from now. */
  public static TestCertificates create(Duration validFor) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair caKeys = generator.generateKeyPair();
      KeyPair serverKeys = generator.generateKeyPair();
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      X500Name caName = new X500Name("CN=SayPro Test CA");
      X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), caName, caKeys.getPublic());
      caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate ca = sign(caBuilder, caKeys);
      X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validFor)), new X500Name("CN=shop.test"),
          serverKeys.getPublic());
      serverBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.2"),
        new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.dNSName, "shop.test")
      }));
      return new TestCertificates(ca, sign(serverBuilder, caKeys), serverKeys);
    } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("cannot create test certificates", e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws org.bouncycastle.operator.OperatorCreationException, GeneralSecurityException {
    ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
  }

  public X509Certificate server() {
    return server;
  }

  /** The server key and chain, for Jetty. */
  public KeyStore serverKeyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", serverKeys.getPrivate(), password(), new Certificate[] {server, ca});
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static char[] password() {
    return "test-only".toCharArray();
  }

  /** Writes the CA certificate as PEM to {@code file}. */
  public Path writeCa(Path file) {
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(ca);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.writeString(file, pem.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
