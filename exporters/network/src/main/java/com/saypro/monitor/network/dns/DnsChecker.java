package com.saypro.monitor.network.dns;

import com.saypro.monitor.network.config.DnsQueryConfig;
import com.saypro.monitor.network.config.ZoneConfig;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Runs the configured DNS checks: a query against its resolver, a zone's SOA on each nameserver. */
public final class DnsChecker {
  private DnsChecker() {}

  public static DnsResult check(DnsQueryConfig query) {
    long start = System.nanoTime();
    DnsClient.Answer answer;
    try {
      answer = DnsClient.ask(query.resolver().address(), query.query(), query.type(), query.timeout());
    } catch (IOException e) {
      double took = (System.nanoTime() - start) / 1e9;
      // dnsjava reports a timeout as a plain IOException ("Timed out while trying to resolve ...")
      boolean timedOut = e instanceof SocketTimeoutException
          || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")
          || took >= query.timeout().toNanos() / 1e9;
      String rcode = timedOut ? "TIMEOUT" : "ERROR";
      return new DnsResult(rcode, took, false, false, OptionalLong.empty(), false, false, false);
    }
    Message message = answer.message();
    Set<String> records = new HashSet<>();
    long ttl = Long.MAX_VALUE;
    for (Record record : message.getSection(Section.ANSWER)) {
      if (record.getType() == query.type()) {
        records.add(normalize(record.rdataToString()));
        ttl = Math.min(ttl, record.getTTL());
      }
    }
    int rcode = message.getRcode();
    boolean success = rcode == Rcode.NOERROR && !records.isEmpty();
    Set<String> expected = new HashSet<>();
    query.expected().forEach(e -> expected.add(normalize(e)));
    boolean match = expected.isEmpty() ? success : records.equals(expected);
    return new DnsResult(Rcode.string(rcode), answer.nanos() / 1e9, success, match,
        ttl == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(ttl),
        message.getHeader().getFlag(Flags.AD), answer.tcpFallback(), true);
  }

  /** The zone's SOA serial as one nameserver serves it; empty when it does not answer with one. */
  public static OptionalLong serial(ZoneConfig zone, ZoneConfig.Nameserver server) {
    try {
      Message message = DnsClient.ask(server.address(), zone.name(), Type.SOA, zone.timeout()).message();
      if (message.getRcode() != Rcode.NOERROR) {
        return OptionalLong.empty();
      }
      for (Record record : message.getSection(Section.ANSWER)) {
        if (record instanceof SOARecord soa && soa.getName().equals(zone.name())) {
          return OptionalLong.of(soa.getSerial());
        }
      }
      return OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  static String normalize(String text) {
    String out = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return out.endsWith(".") ? out.substring(0, out.length() - 1) : out;
  }
}
