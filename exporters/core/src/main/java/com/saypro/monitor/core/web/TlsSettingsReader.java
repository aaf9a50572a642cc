package com.saypro.monitor.core.web;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code tls_server_config} with exporter-toolkit's keys and rules. Reading is in two steps so
 * that a misspelt key is reported before any file is opened (as Go's strict YAML decoding does):
 * {@link #read} checks the values, {@link Pending#load()} then reads the PEM files.
 */
final class TlsSettingsReader {
  static final Set<String> CURVES = Set.of("CurveP256", "CurveP384", "CurveP521", "X25519");

  private final Path baseDirectory;
  private final PemFiles pem;
  private final Set<String> supportedCipherSuites;

  TlsSettingsReader(Path baseDirectory, PemFiles pem, Set<String> supportedCipherSuites) {
    this.baseDirectory = baseDirectory;
    this.pem = pem;
    this.supportedCipherSuites = Set.copyOf(supportedCipherSuites);
  }

  /** The second step: reads the PEM files (again at every reload, for certificate rotation). */
  @FunctionalInterface
  interface Pending {
    Optional<TlsSettings> load() throws ConfigException;
  }

  Pending read(Optional<ConfigNode> section) throws ConfigException {
    if (section.isEmpty()) {
      return Optional::empty;
    }
    ConfigNode tls = section.get().asMap();
    Optional<PemSource> cert = source(tls, "cert", "cert_file", false);
    Optional<PemSource> key = source(tls, "key", "key_file", true);
    Optional<PemSource> clientCa = source(tls, "client_ca", "client_ca_file", false);
    Optional<ConfigNode> authNode = tls.get("client_auth_type");
    ClientAuthType clientAuth = ClientAuthType.NO_CLIENT_CERT;
    if (authNode.isPresent()) {
      clientAuth = authNode.get().parse(ClientAuthType::parse, "is not one of " + ClientAuthType.ALLOWED);
    }
    TlsVersion min = version(tls, "min_version", TlsVersion.TLS12);
    TlsVersion max = version(tls, "max_version", TlsVersion.TLS13);
    List<String> ciphers = checkedList(tls, "cipher_suites", supportedCipherSuites::contains,
        "is not a cipher suite this Java runtime supports (use IANA names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
    List<String> curves = checkedList(tls, "curve_preferences", CURVES::contains,
        "is not one of CurveP256, CurveP384, CurveP521, X25519");
    boolean preferServer = tls.bool("prefer_server_cipher_suites", true);
    List<String> sans = tls.strings("client_allowed_sans");
    boolean sansGiven = tls.has("client_allowed_sans");

    boolean enabled = cert.isPresent() || key.isPresent() || clientCa.isPresent()
        || (authNode.isPresent() && !authNode.get().asString().isEmpty());
    if (!enabled) {
      return Optional::empty;
    }
    if (cert.isEmpty()) {
      throw tls.error("missing cert_file (or cert): TLS needs the server certificate");
    }
    if (key.isEmpty()) {
      throw tls.error("missing key_file (or key): TLS needs the private key of the certificate");
    }
    if (min.compareTo(max) > 0) {
      throw tls.has("min_version")
          ? tls.require("min_version").invalid("is above max_version " + max.name())
          : tls.require("max_version").invalid("is below the default min_version " + min.name());
    }
    if (clientCa.isPresent() && clientAuth == ClientAuthType.NO_CLIENT_CERT) {
      throw tls.error("client_ca_file is set but client_auth_type is NoClientCert (set client_auth_type, e.g. RequireAndVerifyClientCert)");
    }
    if (clientAuth.verifiesCertificate() && clientCa.isEmpty()) {
      throw authNode.get().invalid("verifies client certificates and needs client_ca_file (or client_ca)");
    }
    if (sansGiven && !clientAuth.requiresCertificate()) {
      throw tls.require("client_allowed_sans").error(
          "needs client_auth_type RequireAnyClientCert or RequireAndVerifyClientCert");
    }
    ClientAuthType auth = clientAuth;
    return () -> {
      CertifiedKey serverKey = pem.certifiedKey(cert.get(), key.get());
      List<X509Certificate> cas = clientCa.isPresent() ? pem.certificates(clientCa.get()) : List.of();
      return Optional.of(new TlsSettings(serverKey, cas, auth, min, max, ciphers, curves, preferServer, sans));
    };
  }

  /** A PEM given inline ({@code cert}) or as a file ({@code cert_file}); empty values count as unset, as in Go. */
  private Optional<PemSource> source(ConfigNode tls, String inlineKey, String fileKey, boolean secret)
      throws ConfigException {
    Optional<ConfigNode> inline = tls.get(inlineKey).filter(TlsSettingsReader::nonEmpty);
    Optional<ConfigNode> file = tls.get(fileKey).filter(TlsSettingsReader::nonEmpty);
    if (inline.isPresent() && file.isPresent()) {
      throw tls.error("set either " + inlineKey + " or " + fileKey + ", not both");
    }
    if (file.isPresent()) {
      ConfigNode node = file.get();
      return Optional.of(PemSource.file(node.where(), node.asString(), baseDirectory.resolve(node.asString())));
    }
    if (inline.isPresent()) {
      return Optional.of(PemSource.inline(inline.get().where(), Secret.of(inline.get().asString())));
    }
    return Optional.empty();
  }

  private static boolean nonEmpty(ConfigNode node) {
    try {
      return !node.asString().isEmpty();
    } catch (ConfigException e) {
      return true; // not a string: asString() fails again, with its message, where it is used
    }
  }

  private static TlsVersion version(ConfigNode tls, String key, TlsVersion defaultValue) throws ConfigException {
    Optional<ConfigNode> node = tls.get(key);
    return node.isPresent() ? node.get().parse(TlsVersion::parse, "is not one of " + TlsVersion.ALLOWED) : defaultValue;
  }

  private static List<String> checkedList(
      ConfigNode tls, String key, java.util.function.Predicate<String> allowed, String whatItMustBe)
      throws ConfigException {
    return tls.list(key, item -> item.parse(
        text -> allowed.test(text) ? Optional.of(text) : Optional.empty(), whatItMustBe));
  }
}
