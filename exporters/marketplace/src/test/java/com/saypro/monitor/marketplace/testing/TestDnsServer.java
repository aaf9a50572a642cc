package com.saypro.monitor.marketplace.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A real DNS server (UDP, dnsjava wire format) on 127.0.0.1, authoritative for the names the test
 * gives it, answering after a chosen delay; unknown names get NXDOMAIN.
 */
public final class TestDnsServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final Map<String, List<InetAddress>> zone = new ConcurrentHashMap<>();
  private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
  private final AtomicInteger queries = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;

  public TestDnsServer() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    Thread thread = new Thread(this::serve, "test-dns");
    thread.setDaemon(true);
    thread.start();
  }

  public TestDnsServer add(String name, String... addresses) throws IOException {
    List<InetAddress> list = new java.util.ArrayList<>();
    for (String address : addresses) {
      list.add(InetAddress.getByName(address));
    }
    zone.put(name.toLowerCase(Locale.ROOT) + ".", List.copyOf(list));
    return this;
  }

  /** Every answer is sent this long after its query arrived. */
  public void delay(Duration delay) {
    this.delay = delay;
  }

  public int queries() {
    return queries.get();
  }

  /** {@code 127.0.0.1:PORT}, as the {@code dns_server} setting takes it. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        queries.incrementAndGet();
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        byte[] answer = answer(query).toWire();
        InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
        answers.schedule(() -> send(answer, client), delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (IOException e) {
        // closed, or a malformed query: nothing to answer
      }
    }
  }

  private Message answer(Message query) {
    Record question = query.getQuestion();
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    response.addRecord(question, Section.QUESTION);
    Name name = question.getName();
    List<InetAddress> addresses = zone.get(name.toString().toLowerCase(Locale.ROOT));
    if (addresses == null) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
      return response;
    }
    for (InetAddress address : addresses) {
      if (question.getType() == Type.A && address instanceof Inet4Address) {
        response.addRecord(new ARecord(name, DClass.IN, 60, address), Section.ANSWER);
      } else if (question.getType() == Type.AAAA && address instanceof Inet6Address) {
        response.addRecord(new AAAARecord(name, DClass.IN, 60, address), Section.ANSWER);
      }
    }
    return response;
  }

  private void send(byte[] answer, InetSocketAddress client) {
    try {
      socket.send(new DatagramPacket(answer, answer.length, client));
    } catch (IOException e) {
      // the server is closing
    }
  }

  @Override
  public void close() {
    socket.close();
    answers.shutdownNow();
  }
}
