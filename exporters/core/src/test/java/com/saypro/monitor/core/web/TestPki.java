package com.saypro.monitor.core.web;

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
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificates for tests, made with BouncyCastle: a CA, server certificates for 127.0.0.1 and
 * client certificates, written as PEM the way Go and openssl write them.
 */
final class TestPki {
  /** A key pair with its certificate. */
  record Issued(KeyPair keys, X509Certificate certificate) {}

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestPki() {}

  static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Issued ca(String name) {
    KeyPair keys = ec();
    return new Issued(keys, sign(name, keys, name, keys.getPrivate(), true, null, new GeneralName[0]));
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  static Issued server(Issued ca, KeyPair keys) {
    return new Issued(keys, sign("saypro-test-server", keys, subject(ca), ca.keys().getPrivate(), false,
        KeyPurposeId.id_kp_serverAuth,
        new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
  }

  static Issued server(Issued ca) {
    return server(ca, ec());
  }

  /** A client certificate with the given DNS SANs. */
  static Issued client(Issued ca, String name, String... dnsNames) {
    GeneralName[] sans = new GeneralName[dnsNames.length];
    for (int i = 0; i < dnsNames.length; i++) {
      sans[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
    }
    KeyPair keys = ec();
    return new Issued(keys, sign(name, keys, subject(ca), ca.keys().getPrivate(), false, KeyPurposeId.id_kp_clientAuth, sans));
  }

  private static String subject(Issued issued) {
    return issued.certificate().getSubjectX500Principal().getName().substring("CN=".length());
  }

  private static X509Certificate sign(String name, KeyPair keys, String issuer, PrivateKey issuerKey,
      boolean isCa, KeyPurposeId purpose, GeneralName[] sans) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          new X500Principal("CN=" + issuer), BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
          new X500Principal("CN=" + name), keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (sans.length > 0) {
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
      }
      String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(X509Certificate... certificates) {
    return write((Object[]) certificates);
  }

  /** {@code -----BEGIN PRIVATE KEY-----}, as Go's x509.MarshalPKCS8PrivateKey. */
  static String pkcs8(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null).generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1 with curve and public key), as
   * Go's x509.MarshalPKCS1PrivateKey and MarshalECPrivateKey write them.
   */
  static String traditional(KeyPair keys) {
    if (keys.getPrivate().getAlgorithm().equals("RSA")) {
      return write(keys.getPrivate());
    }
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
      BigInteger d = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
      SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
      org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
          256, d, publicKey.getPublicKeyData(), info.getPrivateKeyAlgorithm().getParameters());
      return write(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes {@code server.crt} and {@code server.key} (PKCS#8) into {@code dir}. */
  static void writeServer(Path dir, Issued server) {
    write(dir.resolve("server.crt"), pem(server.certificate()));
    write(dir.resolve("server.key"), pkcs8(server.keys().getPrivate()));
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A client SSL context trusting {@code serverCa}, presenting {@code clientCertificate} if given,
   * even when the server asks for another issuer (the JDK would otherwise send nothing, and a
   * refusal would then prove nothing about how the server checks a wrong certificate).
   */
  static SSLContext clientContext(Issued serverCa, Optional<Issued> clientCertificate) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", serverCa.certificate());
      TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustFactory.init(trust);
      KeyManagerFactory keyFactory = null;
      if (clientCertificate.isPresent()) {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", clientCertificate.get().keys().getPrivate(), "test".toCharArray(),
            new X509Certificate[] {clientCertificate.get().certificate()});
        keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyFactory.init(keys, "test".toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManager[] keyManagers = null;
      if (keyFactory != null) {
        keyManagers = new KeyManager[] {new AlwaysPresentKeyManager((X509ExtendedKeyManager) keyFactory.getKeyManagers()[0])};
      }
      context.init(keyManagers, trustFactory.getTrustManagers(), RANDOM);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
