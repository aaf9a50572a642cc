package com.saypro.monitor.network.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An in-process DNS server on 127.0.0.1 (UDP and TCP on the same port) for what real servers will
 * not do on request: change an answer between two lookups, answer wrongly, truncate every UDP
 * answer, answer slowly, serve a stale SOA serial. Records are given in zone-file form.
 */
public final class TestDnsServer implements AutoCloseable {
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
  private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
  private final AtomicInteger udpQueries = new AtomicInteger();
  private final AtomicInteger tcpQueries = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean truncateUdp;
  private volatile boolean authenticated;

  public TestDnsServer() throws IOException {
    DatagramSocket bound = null;
    ServerSocket stream = null;
    for (int attempt = 0; attempt < 20 && stream == null; attempt++) {
      bound = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
      try {
        stream = new ServerSocket(bound.getLocalPort(), 50, InetAddress.getByName("127.0.0.1"));
      } catch (IOException e) {
        bound.close();
      }
    }
    if (stream == null) {
      throw new IOException("no free port for UDP and TCP");
    }
    udp = bound;
    tcp = stream;
    daemon(this::serveUdp, "test-dns-udp");
    daemon(this::serveTcp, "test-dns-tcp");
  }

  private static void daemon(Runnable run, String name) {
    Thread thread = new Thread(run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Replaces the records of {@code name} and {@code type}: {@code set("www.t.", Type.A, "10.0.0.1")}. */
  public TestDnsServer set(String name, int type, String... rdata) {
    List<Record> list = new ArrayList<>();
    try {
      Name owner = Name.fromString(name);
      for (String text : rdata) {
        list.add(Record.fromString(owner, type, DClass.IN, 300, text, Name.root));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    records.put(key(name, type), List.copyOf(list));
    return this;
  }

  public TestDnsServer soa(String zone, long serial) {
    return set(zone, Type.SOA, "ns1." + zone + " hostmaster." + zone + " " + serial + " 3600 600 86400 300");
  }

  public void delay(Duration delay) {
    this.delay = delay;
  }

  public void truncateUdp(boolean on) {
    this.truncateUdp = on;
  }

  public void authenticated(boolean on) {
    this.authenticated = on;
  }

  public int udpQueries() {
    return udpQueries.get();
  }

  public int tcpQueries() {
    return tcpQueries.get();
  }

  public int port() {
    return udp.getLocalPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  private static String key(String name, int type) {
    return name.toLowerCase(java.util.Locale.ROOT) + "/" + type;
  }

  private void serveUdp() {
    byte[] buffer = new byte[4096];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        udpQueries.incrementAndGet();
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        Message response = answer(query);
        if (truncateUdp) {
          Message cut = new Message(query.getHeader().getID());
          cut.getHeader().setFlag(Flags.QR);
          cut.getHeader().setFlag(Flags.TC);
          cut.addRecord(query.getQuestion(), Section.QUESTION);
          response = cut;
        }
        byte[] wire = response.toWire();
        InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
        answers.schedule(() -> send(wire, client), delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (IOException e) {
        // closed, or a malformed query
      }
    }
  }

  private void serveTcp() {
    while (!tcp.isClosed()) {
      try {
        Socket socket = tcp.accept();
        daemon(() -> serveConnection(socket), "test-dns-tcp-conn");
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serveConnection(Socket socket) {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] query = new byte[in.readUnsignedShort()];
      in.readFully(query);
      tcpQueries.incrementAndGet();
      byte[] wire = answer(new Message(query)).toWire();
      // the injected delay, as for UDP: the answer is written by the scheduler, no thread sleeps
      answers.schedule(() -> writeAndClose(socket, wire), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      closeQuietly(socket); // the client went away, or a malformed query
    }
  }

  private static void writeAndClose(Socket socket, byte[] wire) {
    try (socket) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      out.flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  private Message answer(Message query) {
    Record question = query.getQuestion();
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (authenticated) {
      response.getHeader().setFlag(Flags.AD);
    }
    response.addRecord(question, Section.QUESTION);
    String name = question.getName().toString();
    List<Record> found = records.get(key(name, question.getType()));
    boolean known = records.keySet().stream().anyMatch(k -> k.startsWith(name.toLowerCase(java.util.Locale.ROOT) + "/"));
    if (!known) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
      return response;
    }
    if (found != null) {
      found.forEach(r -> response.addRecord(r, Section.ANSWER));
    }
    return response;
  }

  private void send(byte[] wire, InetSocketAddress client) {
    try {
      udp.send(new DatagramPacket(wire, wire.length, client));
    } catch (IOException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    udp.close();
    tcp.close();
    answers.shutdownNow();
  }
}
