package com.saypro.monitor.network.config;

import java.net.InetSocketAddress;

/** A DNS server asked directly (no cache, no search list). */
public record ResolverConfig(String name, InetSocketAddress address) {
  public String describe() {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
