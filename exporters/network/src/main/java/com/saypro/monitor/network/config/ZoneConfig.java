package com.saypro.monitor.network.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Name;

/** A zone SayPro owns, whose SOA serial every one of its nameservers must agree on. */
public record ZoneConfig(String zone, Name name, List<Nameserver> nameservers, Duration interval, Duration timeout) {
  /** One authoritative server of the zone. */
  public record Nameserver(String name, InetSocketAddress address) {}
}
