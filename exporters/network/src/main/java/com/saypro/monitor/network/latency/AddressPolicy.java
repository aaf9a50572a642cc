package com.saypro.monitor.network.latency;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a DNS answer may send a probe to. Multicast and unspecified addresses never;
 * link-local ones (169.254.0.0/16, fe80::/10, where cloud metadata services live) only when the
 * target allows them. IPv4-mapped IPv6 answers are judged as the IPv4 address they carry (the JDK
 * already turns them into {@code Inet4Address}).
 */
public final class AddressPolicy {
  private AddressPolicy() {}

  public static boolean acceptable(InetAddress address, boolean allowLinkLocal) {
    if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    if (address.isLinkLocalAddress()) {
      return allowLinkLocal;
    }
    if (address instanceof Inet6Address six && six.getScopeId() != 0) {
      return allowLinkLocal;
    }
    return true;
  }
}
