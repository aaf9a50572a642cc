package com.saypro.monitor.network.dns;

import com.saypro.monitor.network.latency.HostLookup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * The operating system's resolver ({@code /etc/hosts}, then DNS), through the JDK and its address
 * cache. Its timeout is the system's, not the target's.
 */
public final class SystemLookup implements HostLookup {
  @Override
  public List<InetAddress> lookup(String host, Duration timeout) throws UnknownHostException {
    return List.of(InetAddress.getAllByName(host));
  }
}
