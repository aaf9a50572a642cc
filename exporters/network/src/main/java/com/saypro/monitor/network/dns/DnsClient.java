package com.saypro.monitor.network.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;

/**
 * One DNS question asked of one server directly, no cache: UDP first, and the same question again
 * over TCP when the UDP answer comes back truncated (TC bit), within one overall timeout. The AD
 * bit is set in the query, which asks a validating resolver to say whether it validated the
 * answer (RFC 6840 5.7).
 */
public final class DnsClient {
  private DnsClient() {}

  /** A response and how it was obtained. */
  public record Answer(Message message, long nanos, boolean tcpFallback) {}

  public static Answer ask(InetSocketAddress server, Name name, int type, Duration timeout) throws IOException {
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    query.getHeader().setFlag(Flags.AD);
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setIgnoreTruncation(true);
    resolver.setTimeout(timeout);
    long start = System.nanoTime();
    Message response = resolver.send(query);
    boolean fallback = false;
    if (response.getHeader().getFlag(Flags.TC)) {
      long left = timeout.toNanos() - (System.nanoTime() - start);
      if (left <= 0) {
        throw new java.net.SocketTimeoutException("no time left for the TCP retry");
      }
      resolver.setTCP(true);
      resolver.setTimeout(Duration.ofNanos(left));
      response = resolver.send(query);
      fallback = true;
    }
    return new Answer(response, System.nanoTime() - start, fallback);
  }
}
