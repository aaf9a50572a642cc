package com.saypro.monitor.network.testing;

import com.saypro.monitor.core.testkit.Await;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Debian's dnsmasq on a free loopback port, authoritative for one zone (with the SOA serial the test
 * chooses) and its host records; stopped by PID on close.
 */
public final class Dnsmasq implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  public Dnsmasq(String zone, long serial, String... hostRecords) throws IOException {
    if (!Files.isExecutable(Path.of("/usr/sbin/dnsmasq"))) {
      throw new IllegalStateException("dnsmasq is missing: run scripts/test-setup.sh (apt-get install dnsmasq)");
    }
    this.port = freePort();
    this.log = Files.createTempFile("dnsmasq-", ".log");
    List<String> command = new ArrayList<>(List.of("/usr/sbin/dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null",
        "--no-resolv", "--no-hosts", "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces",
        "--user=root", "--group=root", "--pid-file=", "--log-facility=-",
        "--auth-server=ns1." + zone + ",127.0.0.1", "--auth-zone=" + zone,
        "--auth-soa=" + serial + ",hostmaster." + zone, "--auth-ttl=300", "--local-ttl=300"));
    for (String record : hostRecords) {
      command.add("--host-record=" + record);
    }
    this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Await.until("dnsmasq answers on 127.0.0.1:" + port, Duration.ofSeconds(20), this::answers);
  }

  private boolean answers() {
    if (!process.isAlive()) {
      throw new IllegalStateException("dnsmasq exited: " + readLog());
    }
    try {
      SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
      resolver.setTimeout(Duration.ofMillis(300));
      resolver.send(Message.newQuery(Record.newRecord(Name.fromString("."), Type.NS, DClass.IN)));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String readLog() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
          ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getByName("127.0.0.1"))) {
        return tcp.getLocalPort();
      } catch (IOException e) {
        // the TCP side of that port is taken: try another
      }
    }
    throw new IOException("no free port");
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(log);
  }
}
