package com.saypro.monitor.core.web;

import com.saypro.monitor.core.config.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads certificates and private keys from PEM as Go writes them: certificates (a chain is several
 * blocks, leaf first) and keys in PKCS#8, PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC
 * PRIVATE KEY}). The JDK alone reads only PKCS#8, hence BouncyCastle's parser; the keys end up as
 * ordinary JDK keys, no provider is registered. Errors never quote the PEM content.
 */
final class PemFiles {
  private final SecureRandom random;

  PemFiles(SecureRandom random) {
    this.random = random;
  }

  /** Every certificate in {@code source}; at least one. */
  List<X509Certificate> certificates(PemSource source) throws ConfigException {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = new PEMParser(new StringReader(source.read()))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      throw source.error("holds a PEM block that is not a valid certificate (" + e.getClass().getSimpleName() + ")");
    }
    if (certificates.isEmpty()) {
      throw source.error("holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }
    return List.copyOf(certificates);
  }

  /** The one private key in {@code source}. */
  PrivateKey privateKey(PemSource source) throws ConfigException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    PrivateKey key = null;
    try (PEMParser parser = new PEMParser(new StringReader(source.read()))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        PrivateKey found;
        if (object instanceof PEMKeyPair pair) {
          // PKCS#1 RSA or SEC1 EC; SEC1 may omit the public key, so only the private part is converted
          found = converter.getPrivateKey(pair.getPrivateKeyInfo());
        } else if (object instanceof PrivateKeyInfo info) {
          found = converter.getPrivateKey(info); // PKCS#8
        } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw source.error("holds an encrypted private key; like exporter-toolkit, only unencrypted keys are supported");
        } else {
          continue; // EC PARAMETERS blocks and certificates may sit next to the key
        }
        if (key != null) {
          throw source.error("holds more than one private key");
        }
        key = found;
      }
    } catch (IOException | RuntimeException e) {
      throw source.error("holds a PEM block that is not a valid private key (" + e.getClass().getSimpleName() + ")");
    }
    if (key == null) {
      throw source.error("holds no PEM private key (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }
    return key;
  }

  /** The key and chain, after proving the key signs what the leaf certificate's public key verifies. */
  CertifiedKey certifiedKey(PemSource certSource, PemSource keySource) throws ConfigException {
    List<X509Certificate> chain = certificates(certSource);
    PrivateKey key = privateKey(keySource);
    if (!matches(key, chain.get(0).getPublicKey())) {
      throw keySource.error("holds a private key that does not match the certificate in " + describe(certSource));
    }
    return new CertifiedKey(key, chain);
  }

  private boolean matches(PrivateKey key, PublicKey publicKey) {
    if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    byte[] challenge = new byte[32];
    random.nextBytes(challenge);
    try {
      String algorithm = switch (key.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC" -> "SHA256withECDSA";
        case "DSA" -> "SHA256withDSA";
        default -> key.getAlgorithm(); // Ed25519, Ed448: the algorithm is its own signature
      };
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String describe(PemSource source) {
    return source.file().isPresent()
        ? "\"" + source.written() + "\""
        : source.where().substring(source.where().lastIndexOf(' ') + 1);
  }
}
