package com.saypro.monitor.network.pools;

import com.saypro.monitor.network.config.HealthCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Runs one {@link HealthCheck}: a TCP connect, or an HTTP/1.1 GET (over TLS with the JDK's trust
 * store and host name verification for https) whose status must be below 400. The whole check is
 * bounded by the timeout: connect, handshake and every read.
 */
public final class HealthChecker {
  private HealthChecker() {}

  public static boolean healthy(HealthCheck check, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket plain = new Socket()) {
      plain.setSoLinger(true, 0);
      plain.connect(new InetSocketAddress(check.host(), check.port()), millisLeft(deadline));
      if (check.kind() == HealthCheck.Kind.TCP) {
        return true;
      }
      Socket socket = plain;
      if (check.kind() == HealthCheck.Kind.HTTPS) {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
            .createSocket(plain, check.host(), check.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!check.host().contains(":") && !Character.isDigit(check.host().charAt(0))) {
          parameters.setServerNames(java.util.List.of(new SNIHostName(check.host())));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(millisLeft(deadline));
        tls.startHandshake();
        socket = tls;
      }
      socket.setSoTimeout(millisLeft(deadline));
      String hostHeader = check.host().contains(":") ? "[" + check.host() + "]" : check.host();
      String request = "GET " + check.path() + " HTTP/1.1\r\nHost: " + hostHeader + ":" + check.port()
          + "\r\nUser-Agent: saypro-network-exporter\r\nAccept: */*\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return status(socket.getInputStream(), deadline) instanceof Integer code && code >= 100 && code < 400;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Object status(InputStream in, long deadline) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
      if (System.nanoTime() > deadline) {
        return null;
      }
      line.append((char) c);
    }
    String[] parts = line.toString().trim().split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
      return null;
    }
    return Integer.parseInt(parts[1]);
  }

  private static int millisLeft(long deadline) throws IOException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new java.net.SocketTimeoutException("health check timed out");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
