package com.saypro.monitor.network.testing;

import com.saypro.monitor.core.testkit.Await;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace with a TCP listener (a Python accept loop) inside, joined to this namespace on a random
 * 10.213.x.y/30 by a path whose delay, jitter and loss the test sets ({@link #withDelayingLink()}). Two kinds of
 * path, the first where the kernel allows it:
 *
 * <ul>
 *   <li>a veth pair with a {@code tc netem} qdisc on the host end;
 *   <li>two TUN devices and a small relay process ({@code tun-delay.py})
 *       that delays and drops packets in userspace, for kernels built without {@code sch_netem}.
 * </ul>
 *
 * Either way the SYNs towards the listener are delayed, the answers are not. Names are unique per
 * instance; {@link #close()} stops the processes it started by PID and deletes the namespace and
 * the links. Without the privileges for namespaces or TUN devices the test fails, naming what is missing.
 */
public final class NetworkNamespace implements AutoCloseable {
  public static final int PORT = 9000;

  private final String name;
  private final String hostSide;
  private final String nsSide;
  private final String hostAddress;
  private final String nsAddress;
  private Process listener;
  private Process relay;
  private Path control;

  private NetworkNamespace(String suffix, int third, int fourth) {
    this.name = "saypro-net-" + suffix;
    this.hostSide = "spv" + suffix + "h";
    this.nsSide = "spv" + suffix + "n";
    this.hostAddress = "10.213." + third + "." + (fourth + 1);
    this.nsAddress = "10.213." + third + "." + (fourth + 2);
  }

  private static NetworkNamespace named() throws IOException, InterruptedException {
    SecureRandom random = new SecureRandom();
    String suffix = String.format("%06x", random.nextInt(0x1000000));
    NetworkNamespace ns = new NetworkNamespace(suffix, random.nextInt(256), random.nextInt(64) * 4);
    Result add = run("ip", "netns", "add", ns.name);
    if (add.code != 0) {
      throw new AssertionError("network namespaces are not available here (" + add.output.trim()
          + "): the accuracy tests need root and iproute2 (scripts/test-setup.sh installs it)");
    }
    return ns;
  }

  /**
   * A link into the namespace whose delay, jitter and loss the test sets: a veth pair with {@code tc netem} on the
   * host end where the kernel has netem, otherwise (kernels built without {@code sch_netem}, such as this machine's)
   * two TUN devices and the userspace relay. Either way the accuracy tests run; nothing is skipped.
   */
  public static NetworkNamespace withDelayingLink() throws IOException, InterruptedException {
    NetworkNamespace ns = named();
    try {
      ns.must("ip", "link", "add", ns.hostSide, "type", "veth", "peer", "name", ns.nsSide);
      Result netem = run("tc", "qdisc", "add", "dev", ns.hostSide, "root", "netem", "delay", "0ms");
      if (netem.code != 0) {
        ns.close();
        return withTunRelay();
      }
      ns.must("ip", "link", "set", ns.nsSide, "netns", ns.name);
      ns.configure(false);
      return ns;
    } catch (IOException | RuntimeException | InterruptedException e) {
      ns.close();
      throw e;
    }
  }

  /** Two TUN devices and the userspace relay between them. */
  static NetworkNamespace withTunRelay() throws IOException, InterruptedException {
    NetworkNamespace ns = named();
    try {
      Path script = Files.createTempFile("tun-delay-", ".py");
      try (InputStream in = NetworkNamespace.class.getResourceAsStream("/com/saypro/monitor/network/tun-delay.py")) {
        Files.write(script, in.readAllBytes());
      }
      ns.control = Files.createTempFile("tun-delay-", ".conf");
      Files.writeString(ns.control, "0 0 0");
      // real-time priority, so the relay forwards on time on a busy machine: its delays are the
      // injected ones, and what varies beyond them is the prober's own measurement
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(Path.of("/usr/bin/chrt"))) {
        command.addAll(List.of("/usr/bin/chrt", "-f", "10"));
      }
      command.addAll(List.of(python(), script.toString(), ns.hostSide, ns.nsSide, ns.control.toString()));
      ns.relay = new ProcessBuilder(command)
          .redirectErrorStream(true).start();
      String ready = new java.io.BufferedReader(new java.io.InputStreamReader(ns.relay.getInputStream())).readLine();
      Files.deleteIfExists(script);
      if (!"ready".equals(ready)) {
        throw new AssertionError("the TUN relay did not start (" + ready + "): /dev/net/tun and python3 are needed");
      }
      ns.must("ip", "link", "set", ns.nsSide, "netns", ns.name);
      ns.configure(true);
      return ns;
    } catch (IOException | RuntimeException | InterruptedException e) {
      ns.close();
      throw e;
    }
  }

  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** Addresses, links up, the listener; point-to-point addresses for TUN links. */
  private void configure(boolean pointToPoint) throws IOException, InterruptedException {
    if (!pointToPoint) {
      must("ip", "addr", "add", hostAddress + "/30", "dev", hostSide);
      must("ip", "netns", "exec", name, "ip", "addr", "add", nsAddress + "/30", "dev", nsSide);
    } else {
      must("ip", "addr", "add", hostAddress, "peer", nsAddress, "dev", hostSide);
      must("ip", "netns", "exec", name, "ip", "addr", "add", nsAddress, "peer", hostAddress, "dev", nsSide);
    }
    must("ip", "link", "set", hostSide, "up");
    must("ip", "netns", "exec", name, "ip", "link", "set", nsSide, "up");
    must("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
    // an accept loop without a process per connection (socat's fork would compete for the CPU
    // exactly while the next probe waits for its SYN-ACK)
    String accept = "import socket\n"
        + "s = socket.socket()\n"
        + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
        + "s.bind(('" + nsAddress + "', " + PORT + "))\n"
        + "s.listen(1024)\n"
        + "while True:\n"
        + "    s.accept()[0].close()\n";
    listener = new ProcessBuilder("ip", "netns", "exec", name, python(), "-c", accept)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Await.until("the listener in " + name, Duration.ofSeconds(20), this::accepts);
  }

  private boolean accepts() {
    if (!listener.isAlive()) {
      throw new IllegalStateException("the listener in the namespace exited with " + listener.exitValue());
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(nsAddress, PORT), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Delay with uniform jitter, and loss, on the way to the listener. */
  public void impair(int delayMs, int jitterMs, double loss) throws IOException, InterruptedException {
    if (relay != null) {
      Files.writeString(control, delayMs + " " + jitterMs + " " + loss);
      // the relay re-reads the file when its modification time changes
      Files.setLastModifiedTime(control, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1000));
      return;
    }
    List<String> command = new ArrayList<>(List.of("tc", "qdisc", "change", "dev", hostSide, "root", "netem",
        "delay", delayMs + "ms"));
    if (jitterMs > 0) {
      command.add(jitterMs + "ms");
    }
    if (loss > 0) {
      command.addAll(List.of("loss", (loss * 100) + "%"));
    }
    must(command.toArray(new String[0]));
  }

  /** The listener's address inside the namespace. */
  public String address() {
    return nsAddress;
  }

  private void must(String... command) throws IOException, InterruptedException {
    Result result = run(command);
    if (result.code != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + result.output.trim());
    }
  }

  private record Result(int code, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, "timed out");
    }
    return new Result(process.exitValue(), output);
  }

  @Override
  public void close() throws IOException {
    try {
      for (Process process : new Process[] {listener, relay}) {
        if (process != null) {
          process.destroy();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
      run("ip", "netns", "del", name);
      run("ip", "link", "del", hostSide);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while deleting " + name, e);
    } finally {
      if (control != null) {
        Files.deleteIfExists(control);
      }
    }
  }
}
