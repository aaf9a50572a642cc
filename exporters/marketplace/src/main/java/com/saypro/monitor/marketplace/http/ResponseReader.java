package com.saypro.monitor.marketplace.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one HTTP/1.x response from a socket: status line, headers (skipping interim 1xx
 * responses), then a body framed by {@code Transfer-Encoding: chunked}, {@code Content-Length} or the
 * end of the connection. Reads go through {@link SocketInput}, bounded by the deadline; the head is
 * bounded by {@value #MAX_HEAD_BYTES} bytes and the body by {@code maxBody}.
 */
final class ResponseReader {
  static final int MAX_HEAD_BYTES = 64 * 1024;

  private final SocketInput input;
  private final long maxBody;

  ResponseReader(Socket socket, Deadline deadline, long maxBody) throws IOException {
    this.input = new SocketInput(socket, deadline);
    this.maxBody = maxBody;
  }

  /** When the first byte of the response arrived ({@link System#nanoTime()}), or -1. */
  long firstByteNanos() {
    return input.firstByteNanos();
  }

  ResponseHead readHead() throws ProbeFailure {
    int headBytes = 0;
    while (true) {
      String statusLine = input.readLine();
      if (statusLine == null) {
        throw new ProbeFailure(FailureReason.CONNECT, "connection closed before a response");
      }
      headBytes += statusLine.length();
      int status = parseStatus(statusLine);
      List<Header> headers = new ArrayList<>();
      while (true) {
        String line = input.readLine();
        if (line == null) {
          throw new ProbeFailure(FailureReason.CONNECT, "connection closed in the response headers");
        }
        headBytes += line.length() + 2;
        if (headBytes > MAX_HEAD_BYTES) {
          throw new ProbeFailure(FailureReason.STATUS, "response headers larger than " + MAX_HEAD_BYTES + " bytes");
        }
        if (line.isEmpty()) {
          break;
        }
        addHeader(headers, line);
      }
      // 101 switches protocols: nothing more for us to read; other 1xx are followed by the real one
      if (status >= 200 || status == 101) {
        return new ResponseHead(status, headers);
      }
    }
  }

  private static int parseStatus(String line) throws ProbeFailure {
    // HTTP/1.1 200 OK (the reason phrase is optional)
    if (line.length() < 12
        || !line.startsWith("HTTP/1.")
        || line.charAt(8) != ' '
        || !Character.isDigit(line.charAt(7))
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new ProbeFailure(FailureReason.STATUS, "not an HTTP/1.x response");
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProbeFailure(FailureReason.STATUS, "not an HTTP/1.x status code");
      }
      status = status * 10 + (c - '0');
    }
    if (status < 100) {
      throw new ProbeFailure(FailureReason.STATUS, "not an HTTP/1.x status code");
    }
    return status;
  }

  private static void addHeader(List<Header> headers, String line) throws ProbeFailure {
    if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
      Header last = headers.remove(headers.size() - 1); // obsolete line folding
      headers.add(new Header(last.name(), last.value() + " " + line.trim()));
      return;
    }
    int colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line, colon)) {
      throw new ProbeFailure(FailureReason.STATUS, "malformed response header line");
    }
    headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).trim()));
  }

  private static boolean isToken(String line, int end) {
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The body of {@code head}, as the request method and the headers frame it. */
  byte[] readBody(String method, ResponseHead head) throws ProbeFailure {
    int status = head.status();
    if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
      return new byte[0];
    }
    List<String> encodings = head.all("Transfer-Encoding");
    if (!encodings.isEmpty()) {
      String last = encodings.get(encodings.size() - 1).toLowerCase(Locale.ROOT);
      if (last.endsWith("chunked")) {
        return readChunked();
      }
      return readToEnd();
    }
    List<String> lengths = head.all("Content-Length");
    if (!lengths.isEmpty()) {
      return readExactly(contentLength(lengths));
    }
    return readToEnd();
  }

  private long contentLength(List<String> values) throws ProbeFailure {
    long length = -1;
    for (String value : values) {
      for (String part : value.split(",")) {
        long parsed = parseDecimal(part.trim());
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new ProbeFailure(FailureReason.STATUS, "invalid Content-Length");
        }
        length = parsed;
      }
    }
    return length;
  }

  private static long parseDecimal(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private byte[] readExactly(long length) throws ProbeFailure {
    if (length > maxBody) {
      throw tooLarge();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(length, 64 * 1024));
    copy(body, length);
    return body.toByteArray();
  }

  private byte[] readToEnd() throws ProbeFailure {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    // one byte more than allowed tells "too large" from "exactly the limit"
    while (input.read(body, maxBody + 1 - body.size()) >= 0) {
      if (body.size() > maxBody) {
        throw tooLarge();
      }
    }
    return body.toByteArray();
  }

  private byte[] readChunked() throws ProbeFailure {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = input.readLine();
      if (sizeLine == null) {
        throw new ProbeFailure(FailureReason.CONNECT, "connection closed in a chunked body");
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
      long size = parseHex(hex);
      if (size < 0) {
        throw new ProbeFailure(FailureReason.STATUS, "malformed chunk size");
      }
      if (size == 0) {
        skipTrailers();
        return body.toByteArray();
      }
      if (body.size() + size > maxBody) {
        throw tooLarge();
      }
      copy(body, size);
      String end = input.readLine();
      if (end == null || !end.isEmpty()) {
        throw new ProbeFailure(FailureReason.STATUS, "malformed chunk end");
      }
    }
  }

  private void skipTrailers() throws ProbeFailure {
    int bytes = 0;
    String line;
    while ((line = input.readLine()) != null && !line.isEmpty()) {
      bytes += line.length();
      if (bytes > MAX_HEAD_BYTES) {
        throw new ProbeFailure(FailureReason.STATUS, "chunked trailers larger than " + MAX_HEAD_BYTES + " bytes");
      }
    }
  }

  private static long parseHex(String text) {
    if (text.isEmpty() || text.length() > 15) {
      return -1;
    }
    try {
      return Long.parseLong(text, 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void copy(ByteArrayOutputStream body, long length) throws ProbeFailure {
    long left = length;
    while (left > 0) {
      int n = input.read(body, left);
      if (n < 0) {
        throw new ProbeFailure(FailureReason.CONNECT, "connection closed before the end of the body");
      }
      left -= n;
    }
  }

  private ProbeFailure tooLarge() {
    return new ProbeFailure(FailureReason.BODY_TOO_LARGE, "body larger than " + maxBody + " bytes");
  }
}
