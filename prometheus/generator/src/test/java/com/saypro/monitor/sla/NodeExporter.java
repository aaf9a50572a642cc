package com.saypro.monitor.sla;

import com.saypro.monitor.core.testkit.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** Debian's prometheus-node-exporter, started on a free loopback port for the length of a test. */
final class NodeExporter implements AutoCloseable {
  private final Process process;
  final int port;

  NodeExporter() throws IOException {
    port = freePort();
    process = new ProcessBuilder(Tools.require("prometheus-node-exporter").toString(),
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Await.until("node_exporter answers", Duration.ofSeconds(20), () -> !scrape().isEmpty());
  }

  String scrape() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The metric names of one scrape (sample names, so histograms give _bucket, _sum and _count). */
  Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    for (String line : scrape().split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
        names.add(line.substring(0, end));
      }
    }
    return names;
  }

  /**
   * A port free right now, below Linux's ephemeral range (32768 and up by default): a port the kernel
   * handed out with bind(0) is also what outgoing connections use, and on a busy machine one of them
   * took such a port between this choice and the server's bind.
   */
  static int freePort() throws IOException {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = random.nextInt(20000, 32000);
      try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException inUse) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32000 on loopback");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
