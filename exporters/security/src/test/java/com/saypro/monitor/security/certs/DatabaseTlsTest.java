package com.saypro.monitor.security.certs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TLS of database connections: a throwaway PostgreSQL (initdb + pg_ctl on a free loopback port, as user
 * postgres, {@code ssl=on} with a certificate made here) reached through the SSLRequest message; the local
 * MariaDB on 127.0.0.1:3306 through MySQL's TLS upgrade after the handshake packet.
 */
class DatabaseTlsTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static Optional<Path> postgresBin() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        }
    }

    private static void run(Path log, String... command) throws Exception {
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(asPostgres).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        if (process.exitValue() != 0) {
            StringBuilder logs = new StringBuilder();
            try (Stream<Path> files = Files.list(log.getParent())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                    logs.append(file).append(":\n").append(Files.readString(file));
                }
            }
            throw new AssertionError(String.join(" ", command) + " failed:\n" + logs);
        }
    }

    private CertTarget target(String kind, int port, TrustStore trust) {
        return new CertTarget(kind, CertTarget.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), "127.0.0.1",
                port, Optional.of("localhost"), Optional.empty(), Optional.empty(), Optional.empty(), trust,
                Duration.ofSeconds(10));
    }

    @Test
    void postgresqlWithTlsOnAThrowawayServer() throws Exception {
        Optional<Path> bin = postgresBin();
        assertThat(bin).as("PostgreSQL server binaries under /usr/lib/postgresql (scripts/test-setup.sh installs them)")
                .isPresent();
        assertThat(new ProcessBuilder("id", "postgres").start().waitFor()).as("the postgres system user").isZero();
        Path dir = Files.createTempDirectory("saypro-sec-pg-");
        Path data = dir.resolve("data");
        Path log = dir.resolve("test.log");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            new ProcessBuilder("chown", "postgres", dir.toString()).start().waitFor();
            run(log, bin.get().resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres");

            TestPki pki = new TestPki(now);
            TestPki.Issued server = pki.leaf("localhost", pki.intermediate("DB Intermediate", pki.root,
                    now.plus(Duration.ofDays(20))), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)));
            TestPki.writePem(data.resolve("server.crt"), (Object[]) TestPki.served(server));
            TestPki.writePem(data.resolve("server.key"), new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(server.key(), null));
            Path root = TestPki.writePem(dir.resolve("root.pem"), pki.root.cert());
            for (String file : List.of("server.crt", "server.key")) {
                new ProcessBuilder("chown", "postgres", data.resolve(file).toString()).start().waitFor();
            }
            Files.setPosixFilePermissions(data.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            run(log, bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                    dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir
                            + " -c listen_addresses=127.0.0.1 -c ssl=on", "start");
            try {
                CertChecker checker = new CertChecker(new CertificatesConfig(Duration.ofHours(1),
                        Duration.ofMinutes(1), 1, List.of()), new MutableClock(now));
                CertResult result = checker.check(target("postgres", port, TrustStore.pem(root)));
                assertThat(result.error()).isEmpty();
                assertThat(result.chainValid()).contains(true);
                assertThat(result.hostnameMatch()).contains(true);
                assertThat(result.notAfter()).contains(now.plus(Duration.ofDays(20)));
                assertThat(result.tlsVersion()).contains("TLSv1.3");
            } finally {
                run(log, bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "stop");
            }
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        }
    }

    /** The local MariaDB may run without TLS (have_ssl DISABLED here): then the reason says so. */
    @Test
    void mariadbAnswersWithTlsOrSaysItHasNone() throws Exception {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress("127.0.0.1", 3306), 2000);
        } catch (IOException e) {
            throw new AssertionError("no MariaDB on 127.0.0.1:3306 (scripts/test-setup.sh starts it)", e);
        }
        CertChecker checker = new CertChecker(new CertificatesConfig(Duration.ofHours(1), Duration.ofMinutes(1), 1,
                List.of()), new MutableClock(now));
        CertResult result = checker.check(target("mysql", 3306, TrustStore.jdkDefault()));
        if (result.error().isPresent()) {
            assertThat(result.error()).contains("no_tls");
        } else {
            assertThat(result.notAfter()).isPresent();
            assertThat(result.tlsVersion()).isPresent();
        }
    }
}
