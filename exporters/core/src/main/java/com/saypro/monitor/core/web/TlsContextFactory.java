package com.saypro.monitor.core.web;

import com.saypro.monitor.core.config.ConfigException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's server TLS factory, set up from {@link TlsSettings}: the key and chain in an in-memory
 * key store (nothing is written to disk), protocols limited to [min_version, max_version], client
 * certificates asked for and checked per {@code client_auth_type}. {@link #update} swaps in new
 * settings for new connections (certificate rotation) after proving they work.
 */
final class TlsContextFactory extends SslContextFactory.Server {
  /** TLS 1.3 suites are not configurable in Go; they stay on whatever cipher_suites says. */
  private static final List<String> TLS13_SUITES =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
  /** Jetty's default exclusions without the one of SHA-1 suites, which TLS 1.0 and 1.1 need. */
  private static final String[] EXCLUDED_FOR_OLD_TLS = {"^.*_MD5$", "^TLS_RSA_.*$", "^SSL_.*$", "^.*_NULL_.*$", "^.*_anon_.*$"};

  private final String[] defaultExclusions = getExcludeCipherSuites();
  private final String storePassword;
  private volatile TrustManager[] trustManagers;

  private TlsContextFactory(SecureRandom random) {
    byte[] password = new byte[16];
    random.nextBytes(password); // protects the in-memory key store entry only; never leaves the process
    this.storePassword = HexFormat.of().formatHex(password);
  }

  /** A factory for {@code settings}, checked by building an SSL context once. */
  static TlsContextFactory create(TlsSettings settings, SecureRandom random, String where) throws ConfigException {
    TlsContextFactory factory = new TlsContextFactory(random);
    factory.apply(prepare(settings, factory.storePassword, where));
    prove(settings, random, where);
    return factory;
  }

  /** Applies {@code settings} to new connections; on any error the running settings stay. */
  void update(TlsSettings settings, SecureRandom random, String where) throws ConfigException {
    prove(settings, random, where);
    Prepared prepared = prepare(settings, storePassword, where);
    try {
      reload(factory -> apply(prepared));
    } catch (Exception e) {
      throw new ConfigException(where + ": TLS settings cannot be applied: " + e.getMessage(), e);
    }
  }

  @Override
  protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
    return trustManagers;
  }

  /** Builds and starts a throwaway factory, so Jetty's and the JVM's objections come before any change. */
  private static void prove(TlsSettings settings, SecureRandom random, String where) throws ConfigException {
    TlsContextFactory trial = new TlsContextFactory(random);
    trial.apply(prepare(settings, trial.storePassword, where));
    try {
      trial.start();
      if (trial.getSelectedProtocols().length == 0) {
        throw new ConfigException(where + ": none of " + settings.protocols() + " is enabled in this Java runtime (see jdk.tls.disabledAlgorithms)");
      }
      if (trial.getSelectedCipherSuites().length == 0) {
        throw new ConfigException(where + ": no usable cipher suite is left for " + settings.protocols());
      }
    } catch (ConfigException e) {
      throw e;
    } catch (Exception e) {
      throw new ConfigException(where + ": TLS cannot be set up: " + e.getMessage(), e);
    } finally {
      try {
        trial.stop();
      } catch (Exception ignored) {
        // a throwaway factory holds nothing worth reporting
      }
    }
  }

  private record Prepared(TlsSettings settings, KeyStore keyStore, TrustManager[] trustManagers) {}

  private static Prepared prepare(TlsSettings settings, String password, String where) throws ConfigException {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("server", settings.serverKey().key(), password.toCharArray(),
          settings.serverKey().chain().toArray(new X509Certificate[0]));
      return new Prepared(settings, keyStore, ClientCertificateTrust.forSettings(settings));
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException(where + ": the key and certificate cannot be used for TLS (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private void apply(Prepared prepared) {
    TlsSettings settings = prepared.settings();
    setKeyStore(prepared.keyStore());
    setKeyStorePassword(storePassword);
    setKeyManagerPassword(storePassword);
    trustManagers = prepared.trustManagers();
    setIncludeProtocols(settings.protocols().toArray(new String[0]));
    if (!settings.cipherSuites().isEmpty()) {
      List<String> suites = new ArrayList<>(settings.cipherSuites());
      TLS13_SUITES.stream().filter(s -> !suites.contains(s)).forEach(suites::add);
      setIncludeCipherSuites(suites.toArray(new String[0]));
      setExcludeCipherSuites(); // the user chose these suites by name: Jetty's exclusions must not drop them
    } else {
      setIncludeCipherSuites();
      setExcludeCipherSuites(settings.minVersion().compareTo(TlsVersion.TLS12) < 0 ? EXCLUDED_FOR_OLD_TLS : defaultExclusions);
    }
    setUseCipherSuitesOrder(settings.preferServerCipherSuites());
    setNeedClientAuth(settings.clientAuth().requiresCertificate());
    setWantClientAuth(settings.clientAuth().wantsCertificate());
  }
}
