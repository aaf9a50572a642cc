package com.saypro.monitor.marketplace.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieHandler;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one HTTP/1.1 request: {@code Host}, a {@code User-Agent} and {@code Accept} unless the
 * step sets them, {@code Accept-Encoding: identity} (bodies are read as they are),
 * {@code Connection: close} (one request per connection, so every probe measures connect and TLS),
 * the step's headers, the cookies the jar holds for the URL, and the body with its length.
 */
final class RequestWriter {
  private final String userAgent;

  RequestWriter(String userAgent) {
    this.userAgent = userAgent;
  }

  void write(
      Socket socket, String method, URI uri, ProbeRequest request, byte[] body, CookieHandler cookies, Deadline deadline)
      throws IOException, ProbeFailure {
    StringBuilder head = new StringBuilder(256);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    head.append(method).append(' ').append(path);
    if (uri.getRawQuery() != null) {
      head.append('?').append(uri.getRawQuery());
    }
    head.append(" HTTP/1.1\r\n");
    boolean defaultPort = uri.getPort() < 0;
    line(head, "Host", uri.getHost() + (defaultPort ? "" : ":" + uri.getPort()));
    boolean hasUserAgent = false;
    boolean hasAccept = false;
    for (Header header : request.headers()) {
      hasUserAgent |= header.name().equalsIgnoreCase("User-Agent");
      hasAccept |= header.name().equalsIgnoreCase("Accept");
    }
    if (!hasUserAgent) {
      line(head, "User-Agent", userAgent);
    }
    if (!hasAccept) {
      line(head, "Accept", "*/*");
    }
    line(head, "Accept-Encoding", "identity");
    line(head, "Connection", "close");
    for (Header header : request.headers()) {
      line(head, header.name(), header.value());
    }
    if (cookies != null) {
      List<String> values = cookieValues(cookies, uri);
      if (!values.isEmpty()) {
        line(head, "Cookie", String.join("; ", values));
      }
    }
    if (body != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      line(head, "Content-Length", Integer.toString(body == null ? 0 : body.length));
    }
    head.append("\r\n");
    socket.setSoTimeout(deadline.socketTimeoutMillis());
    OutputStream out = socket.getOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  private static void line(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
  }

  private static List<String> cookieValues(CookieHandler cookies, URI uri) throws IOException {
    Map<String, List<String>> found = cookies.get(uri, Map.of());
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : found.entrySet()) {
      if (entry.getKey().equalsIgnoreCase("Cookie")) {
        values.addAll(entry.getValue());
      }
    }
    return values;
  }

}
