package com.saypro.monitor.core.http;

import java.util.Optional;

/**
 * A {@code --web.listen-address} value: {@code :9810} (every interface), {@code 127.0.0.1:9810},
 * {@code [::1]:9810} or {@code localhost:9810}. Port 0 picks a free port (tests).
 */
public record ListenAddress(String host, int port) {
  public static final String EXAMPLES = "for example :9810, 127.0.0.1:9810 or [::1]:9810";

  /** Parses an address, or returns empty when it is not one. */
  public static Optional<ListenAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    String portText = text.substring(colon + 1);
    if (!portText.matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(portText);
    if (port > 65535) {
      return Optional.empty();
    }
    if (host.startsWith("[")) {
      if (!host.endsWith("]") || host.length() < 3) {
        return Optional.empty();
      }
      host = host.substring(1, host.length() - 1);
      if (!host.matches("[0-9a-fA-F:.%a-zA-Z]+")) {
        return Optional.empty();
      }
    } else if (host.contains(":") || !host.matches("[A-Za-z0-9.\\-]*")) {
      return Optional.empty();
    }
    return Optional.of(new ListenAddress(host.isEmpty() ? null : host, port));
  }

  public static ListenAddress anyInterface(int port) {
    return new ListenAddress(null, port);
  }

  /** The address as a user would write it. */
  @Override
  public String toString() {
    if (host == null) {
      return ":" + port;
    }
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
