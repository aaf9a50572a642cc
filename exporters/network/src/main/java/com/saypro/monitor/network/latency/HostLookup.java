package com.saypro.monitor.network.latency;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/** Resolves a host name to its addresses, in the order they should be tried. */
@FunctionalInterface
public interface HostLookup {
  List<InetAddress> lookup(String host, Duration timeout) throws IOException;
}
