package com.saypro.monitor.network.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * One DNS question asked of one server directly, no cache: UDP first, and the same question again
 * over TCP when the UDP answer comes back truncated (TC bit), within one overall timeout. The AD
 * bit is set in the query, which asks a validating resolver to say whether it validated the
 * answer (RFC 6840 5.7); EDNS0 offers a 1232-byte UDP payload.
 *
 * <p>dnsjava builds and parses the messages; the sockets are plain blocking ones on the calling
 * thread, so the measured duration is the exchange itself, without dnsjava's selector thread and
 * its hand-offs (which added milliseconds per lookup on a busy machine). An answer whose ID or
 * question does not match the query is ignored, as a spoofed or late one would be.
 */
public final class DnsClient {
  private static final SecureRandom IDS = new SecureRandom();
  private static final int PAYLOAD = 1232;

  private DnsClient() {}

  /** A response and how it was obtained. */
  public record Answer(Message message, long nanos, boolean tcpFallback) {}

  public static Answer ask(InetSocketAddress server, Name name, int type, Duration timeout) throws IOException {
    Record question = Record.newRecord(name, type, DClass.IN);
    Message query = Message.newQuery(question);
    query.getHeader().setID(IDS.nextInt(0x10000));
    query.getHeader().setFlag(Flags.AD);
    query.addRecord(new OPTRecord(PAYLOAD, 0, 0), Section.ADDITIONAL);
    byte[] wire = query.toWire();
    try (DatagramSocket socket = new DatagramSocket()) {
      // the socket is opened before the clock starts: the duration is the exchange on the network
      socket.connect(server);
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      Message response = udp(socket, wire, query, deadline);
      boolean fallback = false;
      if (response.getHeader().getFlag(Flags.TC)) {
        response = tcp(server, wire, query, deadline);
        fallback = true;
      }
      return new Answer(response, System.nanoTime() - start, fallback);
    }
  }

  private static Message udp(DatagramSocket socket, byte[] wire, Message query, long deadline) throws IOException {
    socket.send(new DatagramPacket(wire, wire.length));
    byte[] buffer = new byte[PAYLOAD + 512];
    while (true) {
      socket.setSoTimeout(millisLeft(deadline));
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.receive(packet);
      Message response = parse(buffer, packet.getLength());
      if (response != null && matches(query, response)) {
        return response;
      }
    }
  }

  private static Message tcp(InetSocketAddress server, byte[] wire, Message query, long deadline) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(server, millisLeft(deadline));
      socket.setSoTimeout(millisLeft(deadline));
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);
      Message response = parse(answer, answer.length);
      if (response == null || !matches(query, response)) {
        throw new IOException("the TCP answer does not match the question");
      }
      return response;
    }
  }

  private static Message parse(byte[] buffer, int length) {
    try {
      return new Message(java.util.Arrays.copyOf(buffer, length));
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean matches(Message query, Message response) {
    return response.getHeader().getID() == query.getHeader().getID()
        && response.getHeader().getFlag(Flags.QR)
        && (response.getQuestion() == null || response.getQuestion().equals(query.getQuestion()));
  }

  private static int millisLeft(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("timed out");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
