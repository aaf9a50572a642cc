package com.saypro.monitor.security.certs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;

/**
 * MySQL-protocol TLS against a real server with TLS: a throwaway MariaDB (the machine's has have_ssl=DISABLED)
 * started with {@code --ssl-cert/--ssl-key/--ssl-ca} from certificates made here, then restarted with a
 * self-signed certificate for another host and TLS 1.2 only. Each result comes from what the server sent.
 */
class MariadbTlsTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private CertResult check(int port, TrustStore trust) {
        CertTarget target = new CertTarget("mysql", CertTarget.Kind.MYSQL, "127.0.0.1", port,
                Optional.of("localhost"), Optional.empty(), Optional.empty(), Optional.empty(), trust,
                Duration.ofSeconds(10));
        CertChecker checker = new CertChecker(new CertificatesConfig(Duration.ofHours(1), Duration.ofMinutes(1), 1,
                List.of()), new MutableClock(now));
        return checker.check(target);
    }

    @Test
    void mariadbWithTlsOnAThrowawayServer() throws Exception {
        assertThat(ThrowawayMariadb.available())
                .as("needs mariadb-server (scripts/test-setup.sh installs it) and root (runuser -u mysql)").isTrue();
        try (ThrowawayMariadb maria = ThrowawayMariadb.install()) {
            Path dir = maria.directory();
            TestPki pki = new TestPki(now);
            Instant intermediateEnd = now.plus(Duration.ofDays(20));
            TestPki.Issued server = pki.leaf("localhost", pki.intermediate("DB Intermediate", pki.root,
                    intermediateEnd), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)));
            TestPki.writePem(dir.resolve("server.crt"), (Object[]) TestPki.served(server));
            TestPki.writePem(dir.resolve("server.key"), new JcaPKCS8Generator(server.key(), null));
            Path root = TestPki.writePem(dir.resolve("root.pem"), pki.root.cert());
            TestPki.Issued other = pki.selfSigned("db.example.com");
            TestPki.writePem(dir.resolve("other.crt"), other.cert());
            TestPki.writePem(dir.resolve("other.key"), new JcaPKCS8Generator(other.key(), null));
            maria.handOver();

            maria.start(List.of("--ssl-cert=" + dir.resolve("server.crt"), "--ssl-key=" + dir.resolve("server.key"),
                    "--ssl-ca=" + root));
            CertResult good = check(maria.port(), TrustStore.pem(root));
            assertThat(good.error()).as(maria.errorLog()).isEmpty();
            assertThat(good.success()).isTrue();
            assertThat(good.chainValid()).contains(true);
            assertThat(good.hostnameMatch()).contains(true);
            assertThat(good.notAfter()).contains(intermediateEnd);
            assertThat(good.notBefore()).contains(now.minus(Duration.ofDays(1)));
            assertThat(good.tlsVersion()).contains("TLSv1.3");
            maria.stop();

            maria.start(List.of("--ssl-cert=" + dir.resolve("other.crt"), "--ssl-key=" + dir.resolve("other.key"),
                    "--tls-version=TLSv1.2"));
            CertResult bad = check(maria.port(), TrustStore.pem(root));
            assertThat(bad.error()).as(maria.errorLog()).isEmpty();
            assertThat(bad.chainValid()).contains(false);
            assertThat(bad.hostnameMatch()).contains(false);
            assertThat(bad.notAfter()).contains(other.cert().getNotAfter().toInstant());
            assertThat(bad.tlsVersion()).contains("TLSv1.2");
        }
    }
}
