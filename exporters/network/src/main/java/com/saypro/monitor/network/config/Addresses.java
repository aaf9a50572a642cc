package com.saypro.monitor.network.config;

import com.google.re2j.Pattern;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict parsing of the host names and addresses a config may hold. Only canonical forms are
 * accepted: dotted-quad IPv4 with four parts and no leading zeros, IPv6 in brackets or bare, and
 * host names whose last label starts with a letter. The forms that resolvers interpret as
 * addresses in surprising ways ({@code 2130706433}, {@code 127.1}, {@code 0x7f000001}, {@code
 * 0177.0.0.1}) are refused, so a config value means one thing.
 */
public final class Addresses {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern HOST_NAME = Pattern.compile(
      "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?");

  private Addresses() {}

  /** The address when {@code text} is an IP literal, empty when it is not. */
  public static Optional<InetAddress> literal(String text) {
    if (IPV4.matches(text)) {
      return Optional.of(parseLiteral(text));
    }
    String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+")) {
      try {
        // the brackets make the JDK parse a literal and never ask DNS
        InetAddress address = InetAddress.getByName("[" + bare + "]");
        return Optional.of(address);
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public static boolean isHostName(String text) {
    return text.length() <= 253 && HOST_NAME.matches(text);
  }

  /** {@code 127.0.0.1:53} or {@code [::1]:53}; the port is {@code defaultPort} when left out. */
  public static Optional<InetSocketAddress> ipAndPort(String text, int defaultPort) {
    String host = text;
    int port = defaultPort;
    int colon = text.lastIndexOf(':');
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = text.substring(0, close + 1);
      if (close + 1 < text.length()) {
        if (text.charAt(close + 1) != ':') {
          return Optional.empty();
        }
        port = port(text.substring(close + 2));
      }
    } else if (colon > 0 && text.indexOf(':') == colon) {
      host = text.substring(0, colon);
      port = port(text.substring(colon + 1));
    }
    if (port < 1) {
      return Optional.empty();
    }
    int finalPort = port;
    return literal(host).map(a -> new InetSocketAddress(a, finalPort));
  }

  /** {@code host:port} with a host name or an IP literal. */
  public static Optional<HostPort> hostAndPort(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    int port = port(text.substring(colon + 1));
    if (port < 1) {
      return Optional.empty();
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return literal(host).map(a -> new HostPort(host.substring(1, host.length() - 1), port));
    }
    if (host.contains(":")) {
      return Optional.empty();
    }
    if (literal(host).isPresent() || isHostName(host)) {
      return Optional.of(new HostPort(host, port));
    }
    return Optional.empty();
  }

  private static int port(String text) {
    if (!text.matches("[0-9]{1,5}")) {
      return -1;
    }
    int port = Integer.parseInt(text);
    return port <= 65535 ? port : -1;
  }

  private static InetAddress parseLiteral(String dotted) {
    String[] parts = dotted.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    try {
      return Inet4Address.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A host (name or literal, without brackets) and a port. */
  public record HostPort(String host, int port) {
    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }
}
