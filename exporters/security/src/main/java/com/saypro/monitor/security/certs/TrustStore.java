package com.saypro.monitor.security.certs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The certificates chains must lead to: the JDK's default (cacerts) or a PEM bundle. */
public record TrustStore(String description, Set<TrustAnchor> anchors) {

    public static TrustStore jdkDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            Set<TrustAnchor> anchors = new HashSet<>();
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        anchors.add(new TrustAnchor(ca, null));
                    }
                }
            }
            return new TrustStore("the JDK's default trust store", Set.copyOf(anchors));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default trust store", e);
        }
    }

    /** Every certificate of a PEM file (a CA bundle). */
    public static TrustStore pem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            Set<TrustAnchor> anchors = new HashSet<>();
            for (var cert : certs) {
                anchors.add(new TrustAnchor((X509Certificate) cert, null));
            }
            if (anchors.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return new TrustStore(file.toString(), Set.copyOf(anchors));
        }
    }

    boolean isAnchor(X509Certificate cert) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().equals(cert));
    }
}
