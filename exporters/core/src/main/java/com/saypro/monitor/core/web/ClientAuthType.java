package com.saypro.monitor.core.web;

import java.util.Optional;

/**
 * The client certificate policies of Go's {@code crypto/tls}, with their exporter-toolkit names.
 * JSSE knows only "want" and "need"; whether a presented certificate is verified against
 * {@code client_ca_file} is decided by the trust manager we install.
 */
enum ClientAuthType {
  NO_CLIENT_CERT("NoClientCert", false, false, false),
  REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
  REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", false, true, false),
  VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
  REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", false, true, true);

  static final String ALLOWED =
      "NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert";

  private final String configName;
  private final boolean wants;
  private final boolean requires;
  private final boolean verifies;

  ClientAuthType(String configName, boolean wants, boolean requires, boolean verifies) {
    this.configName = configName;
    this.wants = wants;
    this.requires = requires;
    this.verifies = verifies;
  }

  String configName() {
    return configName;
  }

  /** Asks for a certificate but lets the handshake go on without one. */
  boolean wantsCertificate() {
    return wants;
  }

  /** Fails the handshake when the client sends no certificate. */
  boolean requiresCertificate() {
    return requires;
  }

  /** Checks a presented certificate against the client CAs. */
  boolean verifiesCertificate() {
    return verifies;
  }

  static Optional<ClientAuthType> parse(String text) {
    if (text.isEmpty()) {
      return Optional.of(NO_CLIENT_CERT);
    }
    if (text.equals("RequireClientCert")) {
      return Optional.of(REQUIRE_ANY_CLIENT_CERT); // exporter-toolkit keeps this old name working
    }
    for (ClientAuthType type : values()) {
      if (type.configName.equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
