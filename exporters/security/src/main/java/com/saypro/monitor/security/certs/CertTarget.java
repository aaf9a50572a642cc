package com.saypro.monitor.security.certs;

import com.saypro.monitor.core.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One certificate to watch.
 *
 * @param name       the {@code target} label
 * @param kind       how it is reached
 * @param host       for network kinds: where to connect
 * @param serverName the name sent as SNI and matched against the certificate (default: host); for files and
 *                   keystores only when configured
 * @param path       for {@code file} and {@code keystore}
 * @param password   for {@code keystore}; never logged or shown
 * @param trust      what chains are verified against
 */
public record CertTarget(String name, Kind kind, String host, int port, Optional<String> serverName,
        Optional<Path> path, Optional<Secret> password, Optional<String> keystoreType, TrustStore trust,
        Duration timeout) {

    /** How a certificate is reached. */
    public enum Kind {
        /** TLS from the first byte: HTTPS, IMAPS, SMTPS, LDAPS... */
        TLS,
        SMTP,
        IMAP,
        POSTGRES,
        MYSQL,
        /** A PEM file with one certificate or a chain (leaf first). */
        FILE,
        /** A JKS or PKCS12 keystore: every certificate in it. */
        KEYSTORE;

        boolean network() {
            return this != FILE && this != KEYSTORE;
        }
    }
}
