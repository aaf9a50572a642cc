package com.saypro.monitor.core.web;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * {@code tls_server_config}, validated and with its PEM files loaded.
 *
 * @param cipherSuites IANA names for TLS 1.0 to 1.2; empty means the JVM's defaults. As in Go, TLS
 *     1.3 suites are not configurable.
 * @param curvePreferences accepted and checked, but not applied: Java 17 has no per-connector setting
 */
record TlsSettings(
    CertifiedKey serverKey,
    List<X509Certificate> clientCas,
    ClientAuthType clientAuth,
    TlsVersion minVersion,
    TlsVersion maxVersion,
    List<String> cipherSuites,
    List<String> curvePreferences,
    boolean preferServerCipherSuites,
    List<String> clientAllowedSans) {
  TlsSettings {
    clientCas = List.copyOf(clientCas);
    cipherSuites = List.copyOf(cipherSuites);
    curvePreferences = List.copyOf(curvePreferences);
    clientAllowedSans = List.copyOf(clientAllowedSans);
  }

  List<String> protocols() {
    return TlsVersion.range(minVersion, maxVersion);
  }
}
