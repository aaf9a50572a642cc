package com.saypro.monitor.security.certs;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.security.SecurityExporterDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark driver for bench/security/run.sh, not a test: {@code <endpoints> <scrapes>} serves that many
 * certificates on real TLS listeners on 127.0.0.1, then measures (1) a plain serial check of all of them, one
 * after the other on one thread (what a scrape-time checker would do), and (2) the latency of scrapes of the
 * exporter, which checks in the background and serves its cache. Prints both and the median scrape.
 */
public final class CertScrapeBench {

    private CertScrapeBench() {
    }

    public static void main(String[] args) throws Exception {
        int endpoints = Integer.parseInt(args[0]);
        int scrapes = Integer.parseInt(args[1]);
        Instant now = Instant.now();
        Path dir = Files.createTempDirectory("certbench");
        TestPki pki = new TestPki(now);
        TestPki.writePem(dir.resolve("root.pem"), pki.root.cert());
        TestPki.Issued intermediate = pki.intermediate("Bench Intermediate", pki.root, now.plus(Duration.ofDays(90)));
        List<TlsServers.Server> servers = new ArrayList<>();
        StringBuilder targets = new StringBuilder();
        List<CertTarget> plain = new ArrayList<>();
        TrustStore trust = TrustStore.pem(dir.resolve("root.pem"));
        for (int i = 0; i < endpoints; i++) {
            TlsServers.Server server = TlsServers.start(TlsServers.Protocol.TLS, pki.leaf("localhost", intermediate,
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30 + i))));
            servers.add(server);
            targets.append("    - {name: e").append(i).append(", type: https, address: \"").append(server.address())
                    .append("\", server_name: localhost}\n");
            plain.add(new CertTarget("e" + i, CertTarget.Kind.TLS, "127.0.0.1", server.port(),
                    java.util.Optional.of("localhost"), java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), trust, Duration.ofSeconds(10)));
        }
        CertChecker serialChecker = new CertChecker(new CertificatesConfig(Duration.ofHours(1),
                Duration.ofMinutes(1), 1, List.of()), java.time.Clock.systemUTC());
        for (CertTarget target : plain.subList(0, Math.min(10, plain.size()))) {
            serialChecker.check(target); // warm-up: class loading and JIT, as a running exporter has had
        }
        long start = System.nanoTime();
        int ok = 0;
        for (CertTarget target : plain) {
            ok += serialChecker.check(target).success() ? 1 : 0;
        }
        double serial = (System.nanoTime() - start) / 1e9;
        System.out.printf("serial_check_seconds=%.4f serial_ok=%d%n", serial, ok);

        String config = "sources: []\nfile_integrity: {state_file: fi.json}\ncertificates:\n  trust_store: root.pem\n"
                + "  concurrency: 4\n  targets:\n" + targets;
        try (ExporterTestKit kit = ExporterTestKit.builder(new SecurityExporterDefinition()).directory(dir)
                .config(config).start()) {
            com.saypro.monitor.core.testkit.Await.until("the first round of background checks",
                    java.time.Duration.ofMinutes(5),
                    () -> kit.scrape().find("saypro_security_cert_check_success").size() >= endpoints);
            for (int i = 0; i < 20; i++) {
                kit.get("/metrics"); // warm-up
            }
            double[] latencies = new double[scrapes];
            for (int i = 0; i < scrapes; i++) {
                long t = System.nanoTime();
                var response = kit.get("/metrics");
                latencies[i] = (System.nanoTime() - t) / 1e9;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("scrape failed: " + response.statusCode());
                }
            }
            Arrays.sort(latencies);
            System.out.printf("scrape_median_seconds=%.5f scrape_p90_seconds=%.5f scrapes=%d%n",
                    latencies[scrapes / 2], latencies[scrapes * 9 / 10], scrapes);
        }
        for (TlsServers.Server server : servers) {
            server.close();
        }
    }
}
