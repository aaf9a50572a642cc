package com.saypro.monitor.sla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * What the backup, network and security exporters of the end-to-end stack read, so that every panel
 * of their dashboards has data: a critical status-file backup job (a real pg_dump of the demo's
 * database, with its checksum) that a restore drill restores into a scratch database, and a folder
 * job of dumps with sha256 sidecars; latency targets on the demo's and PostgreSQL's listeners, a
 * dnsmasq zone, the loopback interface and a pool of the demo's backends; an auth log with failed
 * logins from one address, Suricata alerts (medium severity: nothing pages), a self-signed
 * certificate pinned in its trust store, a Trivy report and a watched file. All inside the stack's folder.
 */
final class ExporterFixtures {
  static final String STATUS_JOB = "nightly-postgresql";
  static final String FOLDER_JOB = "uploads";
  static final String DRILL = "e2e-restore";
  static final String ZONE = "saypro.test";

  private final Stack stack;
  private final Path dir;
  private final String drillToken = "e2e-drill-" + System.nanoTime();
  private long dumpBytes;

  ExporterFixtures(Stack stack) {
    this.stack = stack;
    this.dir = stack.dir;
  }

  String drillToken() {
    return drillToken;
  }

  /** The first backup of each job, written before the exporter starts; {@link #secondBackupRun} adds one. */
  void writeBackup() throws IOException {
    Path backups = Files.createDirectories(dir.resolve("backups"));
    Path dump = backups.resolve("saypro-1.dump");
    Tools.Result pgDump = Tools.run(dir, 120, "pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(),
        Stack.DATABASE);
    if (pgDump.exitCode() != 0) {
      throw new AssertionError("pg_dump of " + Stack.DATABASE + " failed: " + pgDump.output());
    }
    dumpBytes = Files.size(dump);
    writeStatus(Instant.now().minus(10, ChronoUnit.MINUTES));
    Path uploads = Files.createDirectories(dir.resolve("uploads"));
    writeFolderDump(uploads, "uploads-1.tar", 4000);
    writeFolderDump(uploads, "uploads-2.tar", 4100);
    Files.writeString(dir.resolve("backup-drill.token"), drillToken, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("backup.yml"), """
        jobs:
          - name: %s
            criticality: critical
            max_age: 26h
            source: {type: status_file, folder: backups, name: %s.json}
          - name: %s
            max_age: 1d
            source: {type: folder, path: uploads, pattern: 'uploads-.*\\.tar', checksum: sidecar}
        drills:
          - name: %s
            job: %s
            engine: postgresql
            scheduled: false
            timeout: 2m
            scratch: {host: 127.0.0.1, port: 5432, user: postgres, database: %s_drill}
            sources: [{host: 127.0.0.1, port: 5432, database: %s}]
            verify: {min_rows: {users: 1, products: 1}}
        drill_api: {bearer_token_file: backup-drill.token}
        state_folder: backup-state
        """.formatted(STATUS_JOB, STATUS_JOB, FOLDER_JOB, DRILL, STATUS_JOB, Stack.DATABASE, Stack.DATABASE),
        StandardCharsets.UTF_8);
  }

  /** A new successful run of each job, seen after Prometheus scraped the first: the success counters move. */
  void secondBackupRun() throws IOException {
    writeStatus(Instant.now());
    writeFolderDump(dir.resolve("uploads"), "uploads-3.tar", 4200);
  }

  private void writeStatus(Instant finished) throws IOException {
    Path dump = dir.resolve("backups/saypro-1.dump");
    String status = """
        {"job": "%s", "outcome": "success", "started": "%s", "finished": "%s", "file": "saypro-1.dump",
         "bytes": %d, "previous_bytes": %d, "checksum": "sha256:%s"}
        """.formatted(STATUS_JOB, finished.minusSeconds(3), finished, dumpBytes, dumpBytes, sha256(Files.readAllBytes(dump)));
    Path tmp = dir.resolve("backups/.status.tmp");
    Files.writeString(tmp, status, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve("backups/" + STATUS_JOB + ".json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeFolderDump(Path folder, String name, int size) throws IOException {
    byte[] content = new byte[size];
    java.util.Arrays.fill(content, (byte) name.hashCode());
    Files.write(folder.resolve(name), content);
    Files.writeString(folder.resolve(name + ".sha256"), sha256(content) + "  " + name + "\n", StandardCharsets.UTF_8);
  }

  /** dnsmasq, authoritative for {@link #ZONE} on a loopback port; the network exporter asks it. */
  int startDnsmasq() throws IOException {
    int port = NodeExporter.freePort();
    stack.tool("dnsmasq", "dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
        "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces", "--user=root", "--group=root", "--pid-file=",
        "--log-facility=-", "--auth-server=ns1." + ZONE + ",127.0.0.1", "--auth-zone=" + ZONE,
        "--auth-soa=2026112401,hostmaster." + ZONE, "--host-record=www." + ZONE + ",192.0.2.10");
    com.saypro.monitor.core.testkit.Await.until("dnsmasq listens on " + port, java.time.Duration.ofSeconds(20), () -> {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    });
    return port;
  }

  void writeNetwork(int dnsPort) throws IOException {
    String dns = "127.0.0.1:" + dnsPort;
    Files.writeString(dir.resolve("network.yml"), """
        latency:
          targets:
            - {name: demo-front, host: 127.0.0.1, port: %d, count: 3, spacing: 20ms, interval: 2s, timeout: 1s}
            - {name: postgresql, host: 127.0.0.1, port: 5432, count: 3, spacing: 20ms, interval: 2s, timeout: 1s}
        dns:
          resolvers: [{name: e2e, address: "%s"}]
          queries:
            - {name: www, resolver: e2e, query: www.%s, type: A, expect: [192.0.2.10], interval: 2s, timeout: 1s}
          zones:
            - {zone: %s, nameservers: [{name: ns1, address: "%s"}], interval: 2s, timeout: 1s}
        interfaces: {include: '^lo$', exclude: '^$', speeds: {lo: 10Gbit}}
        pools:
          - name: demo
            service: {http: "%s/healthz"}
            backends:
              - {name: backend1, tcp: "127.0.0.1:%d"}
              - {name: backend2, tcp: "127.0.0.1:%d"}
              - {name: backend3, tcp: "127.0.0.1:%d"}
            interval: 2s
            timeout: 1s
        """.formatted(stack.port("front"), dns, ZONE, ZONE, dns, stack.front(), stack.port("backend1"), stack.port("backend2"),
        stack.port("backend3")), StandardCharsets.UTF_8);
  }

  void writeSecurity() throws IOException {
    Path security = Files.createDirectories(dir.resolve("security"));
    Instant now = Instant.now();
    StringBuilder auth = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      auth.append(now.minusSeconds(30 - i)).append(" shop sshd[4242]: Failed password for invalid user admin from 198.51.100.7 port ")
          .append(50100 + i).append(" ssh2\n");
    }
    auth.append(now.minusSeconds(20)).append(" shop sshd[4243]: Accepted publickey for deploy from 192.0.2.20 port 50200 ssh2\n");
    Files.writeString(security.resolve("auth.log"), auth, StandardCharsets.UTF_8);
    Files.writeString(security.resolve("eve.json"), """
        {"timestamp":"%s","event_type":"alert","src_ip":"203.0.113.9","alert":{"category":"Attempted Information Leak","severity":2,"signature":"e2e probe"}}
        {"timestamp":"%s","event_type":"alert","src_ip":"203.0.113.9","alert":{"category":"Detection of a Network Scan","severity":3,"signature":"e2e scan"}}
        """.formatted(now.minusSeconds(20), now.minusSeconds(10)), StandardCharsets.UTF_8);
    Tools.Result openssl = Tools.run(security, 60, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", "shop.key", "-out", "shop.pem", "-days", "365", "-subj", "/CN=shop." + ZONE,
        "-addext", "subjectAltName=DNS:shop." + ZONE);
    if (openssl.exitCode() != 0) {
      throw new AssertionError("openssl could not make the test certificate: " + openssl.output());
    }
    Files.writeString(security.resolve("trivy-demo.json"), """
        {"SchemaVersion": 2, "ArtifactName": "saypro-demo:e2e", "ArtifactType": "container_image",
         "Results": [{"Target": "saypro-demo:e2e (debian 12)", "Class": "os-pkgs", "Type": "debian", "Vulnerabilities": [
           {"VulnerabilityID": "CVE-2024-0001", "PkgName": "libexample", "InstalledVersion": "1.0", "FixedVersion": "1.1", "Severity": "HIGH"},
           {"VulnerabilityID": "CVE-2024-0002", "PkgName": "libother", "InstalledVersion": "2.0", "Severity": "MEDIUM"}]}]}
        """, StandardCharsets.UTF_8);
    Files.writeString(security.resolve("watched.conf"), "PermitRootLogin no\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("security.yml"), """
        state_directory: security-state
        poll_interval: 100ms
        sources:
          - {name: auth, preset: auth, paths: [security/auth.log]}
          - {name: app, preset: marketplace_app_security, paths: [demo-data/logs/app.log]}
          - {name: suricata, preset: suricata_eve, paths: [security/eve.json]}
        bruteforce: {window: 10m, threshold: 3}
        certificates:
          trust_store: security/shop.pem
          targets: [{name: shop_cert, type: file, path: security/shop.pem, server_name: shop.%s}]
        vulnerability_reports:
          - {target: demo-image, path: security/trivy-demo.json, format: trivy}
        file_integrity:
          files: [security/watched.conf]
          state_file: security-state/file-integrity.json
        """.formatted(ZONE), StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
