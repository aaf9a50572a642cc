package com.saypro.monitor.marketplace.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises IP literals, which need no resolver (and take no resolve time). */
public final class IpLiteral {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private IpLiteral() {}

  /** The address when {@code host} is an IPv4 literal or an IPv6 literal (with or without brackets). */
  public static Optional<InetAddress> parse(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
      return Optional.empty();
    }
    try {
      // getByName does no lookup for a literal; it only parses it
      return Optional.of(InetAddress.getByName(bare));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
