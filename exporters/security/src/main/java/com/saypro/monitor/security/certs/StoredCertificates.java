package com.saypro.monitor.security.certs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Certificates at rest: a PEM file (a certificate or a chain, leaf first) or a JKS/PKCS12 keystore. A wrong
 * keystore password is the reason {@code wrong_password}; the password is never part of any message.
 */
final class StoredCertificates {

    /** What a file holds: the chains of its private keys (or the PEM chain), and every certificate. */
    record Contents(List<List<X509Certificate>> chains, List<X509Certificate> all) {
    }

    private static final long MAX_BYTES = 16L << 20;

    private StoredCertificates() {
    }

    static Contents pem(Path file) throws CheckFailure {
        byte[] bytes = read(file);
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) cert);
            }
            if (chain.isEmpty()) {
                throw new CheckFailure("no_certificate", "no certificate in the file");
            }
            return new Contents(List.of(List.copyOf(chain)), List.copyOf(chain));
        } catch (GeneralSecurityException | IOException e) {
            throw new CheckFailure("bad_format", "not a PEM or DER certificate");
        }
    }

    static Contents keystore(Path file, char[] password, String type) throws CheckFailure {
        byte[] bytes = read(file);
        try {
            KeyStore store = KeyStore.getInstance(type != null ? type : guessType(file, bytes));
            store.load(new java.io.ByteArrayInputStream(bytes), password);
            List<List<X509Certificate>> chains = new ArrayList<>();
            List<X509Certificate> all = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain != null) {
                    List<X509Certificate> x509 = new ArrayList<>();
                    for (Certificate c : chain) {
                        x509.add((X509Certificate) c);
                    }
                    chains.add(List.copyOf(x509));
                    all.addAll(x509);
                } else if (store.getCertificate(alias) instanceof X509Certificate cert) {
                    all.add(cert);
                }
            }
            if (all.isEmpty()) {
                throw new CheckFailure("no_certificate", "the keystore holds no certificate");
            }
            return new Contents(List.copyOf(chains), List.copyOf(all));
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password")) {
                throw new CheckFailure("wrong_password", "the keystore password is wrong");
            }
            throw new CheckFailure("bad_format", "not a readable keystore: " + e.getClass().getSimpleName());
        } catch (GeneralSecurityException e) {
            throw new CheckFailure("bad_format", "not a readable keystore: " + e.getClass().getSimpleName());
        }
    }

    /** JKS files start with 0xFEEDFEED; anything else is read as PKCS12. */
    private static String guessType(Path file, byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xed
                && (bytes[2] & 0xff) == 0xfe && (bytes[3] & 0xff) == 0xed) {
            return "JKS";
        }
        return "PKCS12";
    }

    private static byte[] read(Path file) throws CheckFailure {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CheckFailure("bad_format", "larger than 16 MiB");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckFailure("not_found", "no such file");
        } catch (AccessDeniedException e) {
            throw new CheckFailure("unreadable", "permission denied");
        } catch (IOException e) {
            throw new CheckFailure("unreadable", e.getClass().getSimpleName());
        }
    }
}
