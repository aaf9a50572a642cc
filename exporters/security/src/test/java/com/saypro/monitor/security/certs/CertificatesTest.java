package com.saypro.monitor.security.certs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.core.testkit.Promtool;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.security.SecurityExporterDefinition;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates generated here, served by real JDK TLS listeners (plain, SMTP and IMAP STARTTLS) and stored in
 * real PEM files and keystores, checked by the running exporter in the background.
 */
class CertificatesTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final MutableClock clock = new MutableClock(now);
    private final List<AutoCloseable> servers = new ArrayList<>();
    private TestPki pki;

    @BeforeEach
    void pki() throws Exception {
        pki = new TestPki(now);
        TestPki.writePem(dir.resolve("root.pem"), pki.root.cert());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private TlsServers.Server serve(TlsServers.Protocol protocol, TestPki.Issued identity) throws Exception {
        TlsServers.Server server = TlsServers.start(protocol, identity);
        servers.add(server);
        return server;
    }

    private ExporterTestKit start(String targets) throws Exception {
        String config = """
                sources: []
                file_integrity: {state_file: fi.json}
                certificates:
                  trust_store: root.pem
                  targets:
                """ + targets;
        return ExporterTestKit.builder(new SecurityExporterDefinition()).directory(dir).clock(clock).config(config)
                .start();
    }

    private static Scrape awaitTargets(ExporterTestKit kit, int count) {
        Scrape[] last = new Scrape[1];
        Await.until(count + " certificate results", Duration.ofSeconds(20), () -> {
            last[0] = kit.scrape();
            return last[0].find("saypro_security_cert_check_success").size() == count;
        });
        return last[0];
    }

    private static String target(String name, String type, String address) {
        return "    - {name: " + name + ", type: " + type + ", address: \"" + address + "\", server_name: localhost,"
                + " timeout: 5s}\n";
    }

    @Test
    void networkTargetsShowExpiryChainHostnameAndVersion() throws Exception {
        TestPki.Issued shortIntermediate = pki.intermediate("Short Intermediate", pki.root,
                now.plus(Duration.ofDays(20)));
        TestPki.Issued good = pki.leaf("localhost", shortIntermediate, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));
        TestPki.Issued expired = pki.leaf("localhost", pki.root, now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(3)));
        TestPki.Issued notYet = pki.leaf("localhost", pki.root, now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(400)));
        TestPki.Issued wrongHost = pki.leaf("shop.example.com", pki.root, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)));
        TestPki.Issued selfSigned = pki.selfSigned("localhost");
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0)) {
            closedPort = unused.getLocalPort();
        }
        String targets = target("good", "https", serve(TlsServers.Protocol.TLS, good).address())
                + target("expired", "tls", serve(TlsServers.Protocol.TLS, expired).address())
                + target("not_yet", "tls", serve(TlsServers.Protocol.TLS, notYet).address())
                + target("wrong_host", "tls", serve(TlsServers.Protocol.TLS, wrongHost).address())
                + target("self_signed", "tls", serve(TlsServers.Protocol.TLS, selfSigned).address())
                + target("smtp", "smtp", serve(TlsServers.Protocol.SMTP, good).address())
                + target("imap", "imap", serve(TlsServers.Protocol.IMAP, good).address())
                + target("closed", "tls", "127.0.0.1:" + closedPort)
                + target("plain_smtp_as_tls", "imap", serve(TlsServers.Protocol.SMTP, good).address());
        try (ExporterTestKit kit = start(targets)) {
            Scrape scrape = awaitTargets(kit, 9);
            for (String ok : List.of("good", "smtp", "imap")) {
                assertThat(scrape.value("saypro_security_cert_check_success", "target", ok)).as(ok).isEqualTo(1);
                assertThat(scrape.value("saypro_security_cert_chain_valid", "target", ok)).as(ok).isEqualTo(1);
                assertThat(scrape.value("saypro_security_cert_hostname_match", "target", ok)).as(ok).isEqualTo(1);
                assertThat(scrape.value("saypro_security_cert_not_after_timestamp_seconds", "target", ok))
                        .as("the intermediate expires first: its date is the chain's")
                        .isEqualTo(now.plus(Duration.ofDays(20)).getEpochSecond());
            }
            assertThat(scrape.find("saypro_security_cert_tls_version_info", "target", "good")).singleElement()
                    .satisfies(s -> assertThat(s.labels().get("version")).isEqualTo("TLSv1.3"));

            assertThat(scrape.value("saypro_security_cert_check_success", "target", "expired")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_cert_chain_valid", "target", "expired")).isZero();
            assertThat(scrape.value("saypro_security_cert_not_after_timestamp_seconds", "target", "expired"))
                    .isEqualTo(now.minus(Duration.ofDays(3)).getEpochSecond());

            assertThat(scrape.value("saypro_security_cert_chain_valid", "target", "not_yet")).isZero();
            assertThat(scrape.value("saypro_security_cert_not_before_timestamp_seconds", "target", "not_yet"))
                    .isEqualTo(now.plus(Duration.ofDays(2)).getEpochSecond());

            assertThat(scrape.value("saypro_security_cert_chain_valid", "target", "wrong_host")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_cert_hostname_match", "target", "wrong_host")).isZero();

            assertThat(scrape.value("saypro_security_cert_chain_valid", "target", "self_signed")).isZero();
            assertThat(scrape.value("saypro_security_cert_hostname_match", "target", "self_signed")).isEqualTo(1);

            assertThat(scrape.value("saypro_security_cert_check_success", "target", "closed")).isZero();
            assertThat(scrape.value("saypro_security_cert_check_error", "target", "closed", "reason",
                    "connect_failed")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_cert_check_success", "target", "plain_smtp_as_tls")).isZero();
            assertThat(scrape.find("saypro_security_cert_check_error", "target", "plain_smtp_as_tls")).hasSize(1);
            assertThat(Promtool.checkMetrics(scrape.text()).exitCode()).isZero();
        }
    }

    @Test
    void filesAndKeystoresIncludingAWrongPasswordThatIsNeverShown() throws Exception {
        TestPki.Issued leaf = pki.leaf("localhost", pki.intermediate("Intermediate", pki.root,
                now.plus(Duration.ofDays(600))), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)));
        TestPki.writePem(dir.resolve("chain.pem"), (Object[]) TestPki.served(leaf));
        TestPki.writeKeyStore(dir.resolve("store.p12"), "PKCS12", leaf, "p12-secret-pass".toCharArray());
        TestPki.writeKeyStore(dir.resolve("store.jks"), "JKS", leaf, "jks-secret-pass".toCharArray());
        Files.writeString(dir.resolve("p12.pass"), "p12-secret-pass\n");
        Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        String targets = """
                    - {name: pem, type: file, path: chain.pem, server_name: localhost}
                    - {name: p12, type: keystore, path: store.p12, password_file: p12.pass}
                    - {name: jks, type: keystore, path: store.jks, password: jks-secret-pass, keystore_type: jks}
                    - {name: p12_wrong, type: keystore, path: store.p12, password: Wrong-Horse-Battery}
                    - {name: jks_wrong, type: keystore, path: store.jks, password: Wrong-Horse-Battery}
                    - {name: missing, type: file, path: nothing-here.pem}
                    - {name: garbage, type: file, path: garbage.pem}
                """;
        try (ExporterTestKit kit = start(targets)) {
            Scrape scrape = awaitTargets(kit, 7);
            for (String ok : List.of("pem", "p12", "jks")) {
                assertThat(scrape.value("saypro_security_cert_check_success", "target", ok)).as(ok).isEqualTo(1);
                assertThat(scrape.value("saypro_security_cert_chain_valid", "target", ok)).as(ok).isEqualTo(1);
                assertThat(scrape.value("saypro_security_cert_not_after_timestamp_seconds", "target", ok))
                        .isEqualTo(now.plus(Duration.ofDays(20)).getEpochSecond());
            }
            assertThat(scrape.value("saypro_security_cert_hostname_match", "target", "pem")).isEqualTo(1);
            assertThat(scrape.maybe("saypro_security_cert_hostname_match", "target", "p12")).isEmpty();
            for (String wrong : List.of("p12_wrong", "jks_wrong")) {
                assertThat(scrape.value("saypro_security_cert_check_error", "target", wrong, "reason",
                        "wrong_password")).as(wrong).isEqualTo(1);
            }
            assertThat(scrape.value("saypro_security_cert_check_error", "target", "missing", "reason", "not_found"))
                    .isEqualTo(1);
            assertThat(scrape.value("saypro_security_cert_check_error", "target", "garbage", "reason", "bad_format"))
                    .isEqualTo(1);
            String everything = scrape.text() + kit.get("/").body();
            assertThat(everything).doesNotContain("Wrong-Horse-Battery").doesNotContain("secret-pass");
        }
    }

    @Test
    void scrapesServeTheCacheAndTheClockJudgesExpiry() throws Exception {
        TestPki.Issued leaf = pki.leaf("localhost", pki.root, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(20)));
        TlsServers.Server server = serve(TlsServers.Protocol.TLS, leaf);
        try (ExporterTestKit kit = start(target("shop", "https", server.address()))) {
            awaitTargets(kit, 1);
            server.close(); // the cache still answers: scrapes never connect
            Scrape scrape = kit.scrape();
            assertThat(scrape.value("saypro_security_cert_check_success", "target", "shop")).isEqualTo(1);
            assertThat(scrape.value("saypro_security_cert_chain_valid", "target", "shop")).isEqualTo(1);
        }
        // checked 21 days later, the same certificate no longer verifies
        clock.advance(Duration.ofDays(21));
        CertChecker checker = new CertChecker(new CertificatesConfig(Duration.ofHours(1), Duration.ofMinutes(1), 1,
                List.of()), clock);
        CertResult later = checker.check(new CertTarget("pem", CertTarget.Kind.FILE, "", 0,
                java.util.Optional.empty(), java.util.Optional.of(TestPki.writePem(dir.resolve("leaf.pem"),
                        leaf.cert())), java.util.Optional.empty(), java.util.Optional.empty(),
                TrustStore.pem(dir.resolve("root.pem")), Duration.ofSeconds(1)));
        assertThat(later.chainValid()).contains(false);
        assertThat(later.notAfter()).contains(now.plus(Duration.ofDays(20)));
    }
}
