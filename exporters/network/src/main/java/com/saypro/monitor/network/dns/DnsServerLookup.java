package com.saypro.monitor.network.dns;

import com.saypro.monitor.network.latency.HostLookup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Resolves target names through a configured DNS server: A then AAAA, IPv4 addresses first. */
public final class DnsServerLookup implements HostLookup {
  private final InetSocketAddress server;

  public DnsServerLookup(InetSocketAddress server) {
    this.server = server;
  }

  @Override
  public List<InetAddress> lookup(String host, Duration timeout) throws IOException {
    Name name;
    try {
      name = Name.fromString(host.endsWith(".") ? host : host + ".");
    } catch (TextParseException e) {
      throw new UnknownHostException("not a DNS name");
    }
    List<InetAddress> out = new ArrayList<>();
    IOException last = null;
    for (int type : new int[] {Type.A, Type.AAAA}) {
      try {
        for (Record record : DnsClient.ask(server, name, type, timeout).message().getSection(Section.ANSWER)) {
          if (record instanceof ARecord a) {
            out.add(a.getAddress());
          } else if (record instanceof AAAARecord aaaa) {
            out.add(aaaa.getAddress());
          }
        }
      } catch (IOException e) {
        last = e;
      }
    }
    if (out.isEmpty() && last != null) {
      throw last;
    }
    return out;
  }
}
