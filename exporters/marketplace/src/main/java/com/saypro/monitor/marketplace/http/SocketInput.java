package com.saypro.monitor.marketplace.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Buffered reads from a socket, every one bounded by the deadline: the socket timeout is set to the
 * time left before each read, and a read after the deadline fails at once, so a target dripping one
 * byte a second still ends in {@code timeout}. Records when the first byte arrived.
 */
final class SocketInput {
  private static final int MAX_LINE = 16 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final Deadline deadline;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private boolean endOfStream;
  private long firstByteNanos = -1;

  SocketInput(Socket socket, Deadline deadline) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.deadline = deadline;
  }

  /** When the first byte arrived ({@link System#nanoTime()}), or -1. */
  long firstByteNanos() {
    return firstByteNanos;
  }

  /** Up to {@code length} bytes into {@code out}; -1 at the end of the stream. */
  int read(ByteArrayOutputStream out, long length) throws ProbeFailure {
    if (position == limit && fill() < 0) {
      return -1;
    }
    int n = (int) Math.min(length, limit - position);
    out.write(buffer, position, n);
    position += n;
    return n;
  }

  /** A line without its CR LF (a bare LF is accepted), or null at the end of the stream. */
  String readLine() throws ProbeFailure {
    // the common case, a whole line already in the buffer, makes one String and nothing else
    for (int i = position; i < limit && i - position < MAX_LINE; i++) {
      byte b = buffer[i];
      if (b == '\n') {
        int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
        String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
        position = i + 1;
        return line;
      }
      if (b == 0) {
        throw notHttp();
      }
    }
    return readLineAcrossReads();
  }

  private String readLineAcrossReads() throws ProbeFailure {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      if (position == limit && fill() < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new ProbeFailure(FailureReason.CONNECT, "connection closed in the middle of a line");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      if (b == 0 || line.size() >= MAX_LINE) {
        throw notHttp();
      }
      line.write(b);
    }
  }

  private static ProbeFailure notHttp() {
    return new ProbeFailure(FailureReason.STATUS, "not an HTTP/1.x response (binary data or an overlong line)");
  }

  private int fill() throws ProbeFailure {
    if (endOfStream) {
      return -1;
    }
    try {
      socket.setSoTimeout(deadline.socketTimeoutMillis());
      int n = in.read(buffer, 0, buffer.length);
      if (n < 0) {
        endOfStream = true;
        position = limit = 0;
        return -1;
      }
      if (firstByteNanos < 0 && n > 0) {
        firstByteNanos = System.nanoTime();
      }
      position = 0;
      limit = n;
      return n;
    } catch (SocketTimeoutException e) {
      throw new ProbeFailure(FailureReason.TIMEOUT, "no response data before the deadline");
    } catch (IOException e) {
      if (deadline.passed()) {
        throw new ProbeFailure(FailureReason.TIMEOUT, "no response data before the deadline");
      }
      throw new ProbeFailure(FailureReason.CONNECT, "connection failed while reading", e);
    }
  }
}
