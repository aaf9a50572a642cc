package com.saypro.monitor.security.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made for the tests with BouncyCastle: a root, intermediates and leaves with chosen dates. */
final class TestPki {

    /** A certificate with its key and the chain up to (not including) the root. */
    record Issued(X509Certificate cert, PrivateKey key, List<X509Certificate> chain) {
        X509Certificate[] chainArray() {
            return chain.toArray(new X509Certificate[0]);
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    final Instant now;
    final Issued root;

    TestPki(Instant now) throws Exception {
        this.now = now;
        KeyPair keys = keys();
        X509Certificate cert = build("CN=SayPro Test Root", keys, "CN=SayPro Test Root", keys.getPrivate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true);
        this.root = new Issued(cert, keys.getPrivate(), List.of(cert));
    }

    Issued intermediate(String name, Issued issuer, Instant notAfter) throws Exception {
        KeyPair keys = keys();
        X509Certificate cert = build("CN=" + name, keys, issuer.cert().getSubjectX500Principal().getName(),
                issuer.key(), now.minus(Duration.ofDays(1)), notAfter, true);
        return new Issued(cert, keys.getPrivate(), prepend(cert, issuer.chain()));
    }

    Issued leaf(String dnsName, Issued issuer, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair keys = keys();
        X509Certificate cert = build("CN=" + dnsName, keys, issuer.cert().getSubjectX500Principal().getName(),
                issuer.key(), notBefore, notAfter, false, dnsName);
        return new Issued(cert, keys.getPrivate(), prepend(cert, issuer.chain()));
    }

    Issued selfSigned(String dnsName) throws Exception {
        KeyPair keys = keys();
        X509Certificate cert = build("CN=" + dnsName, keys, "CN=" + dnsName, keys.getPrivate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), false, dnsName);
        return new Issued(cert, keys.getPrivate(), List.of(cert));
    }

    /** The chain as servers send it: without the root. */
    static X509Certificate[] served(Issued issued) {
        List<X509Certificate> chain = issued.chain();
        return (chain.size() > 1 ? chain.subList(0, chain.size() - 1) : chain).toArray(new X509Certificate[0]);
    }

    static KeyStore keyStore(String type, Issued issued, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setKeyEntry("server", issued.key(), password, served(issued));
        return store;
    }

    static Path writeKeyStore(Path file, String type, Issued issued, char[] password) throws Exception {
        try (var out = Files.newOutputStream(file)) {
            keyStore(type, issued, password).store(out, password);
        }
        return file;
    }

    static Path writePem(Path file, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
                    writer.writeObject(generator);
                } else {
                    writer.writeObject(object);
                }
            }
        }
        return Files.writeString(file, text.toString());
    }

    private static List<X509Certificate> prepend(X509Certificate cert, List<X509Certificate> chain) {
        List<X509Certificate> all = new java.util.ArrayList<>();
        all.add(cert);
        all.addAll(chain);
        return List.copyOf(all);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate build(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
            Instant notBefore, Instant notAfter, boolean ca, String... dnsNames) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            GeneralName[] names = new GeneralName[dnsNames.length + 1];
            for (int i = 0; i < dnsNames.length; i++) {
                names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
            }
            names[dnsNames.length] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
            if (!dnsNames[0].equals("localhost")) {
                names = java.util.Arrays.copyOf(names, dnsNames.length); // wrong-host certificates: no IP either
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
