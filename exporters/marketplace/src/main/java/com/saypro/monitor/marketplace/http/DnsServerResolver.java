package com.saypro.monitor.marketplace.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one DNS server directly (the {@code dns_server} setting), A and AAAA at once, with no cache,
 * so the resolve phase measures a real lookup every time, as blackbox_exporter's does. IPv4
 * addresses come first. {@code /etc/hosts} is not consulted.
 */
public final class DnsServerResolver implements HostResolver {
  private final InetSocketAddress server;

  public DnsServerResolver(InetSocketAddress server) {
    this.server = server;
  }

  public InetSocketAddress server() {
    return server;
  }

  @Override
  public List<InetAddress> resolve(String host, Deadline deadline) throws ProbeFailure {
    Name name;
    try {
      name = Name.fromString(host.endsWith(".") ? host : host + ".");
    } catch (TextParseException e) {
      throw new ProbeFailure(FailureReason.DNS, "not a valid host name");
    }
    long left = deadline.remainingNanos();
    if (left <= 0) {
      throw new ProbeFailure(FailureReason.TIMEOUT, "deadline passed before name resolution");
    }
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTimeout(Duration.ofNanos(left));
    CompletableFuture<Message> a = query(resolver, name, Type.A);
    CompletableFuture<Message> aaaa = query(resolver, name, Type.AAAA);
    List<InetAddress> addresses = new ArrayList<>();
    int rcode = Rcode.NOERROR;
    for (CompletableFuture<Message> answer : List.of(a, aaaa)) {
      Message message = await(answer, deadline);
      rcode = Math.max(rcode, message.getRcode());
      for (Record record : message.getSection(Section.ANSWER)) {
        if (record instanceof ARecord ip4) {
          addresses.add(ip4.getAddress());
        } else if (record instanceof AAAARecord ip6) {
          addresses.add(ip6.getAddress());
        }
      }
    }
    if (addresses.isEmpty()) {
      throw new ProbeFailure(
          FailureReason.DNS, rcode == Rcode.NOERROR ? "name has no address" : "DNS answered " + Rcode.string(rcode));
    }
    return List.copyOf(addresses);
  }

  private static CompletableFuture<Message> query(SimpleResolver resolver, Name name, int type) {
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    return resolver.sendAsync(query).toCompletableFuture();
  }

  private static Message await(CompletableFuture<Message> answer, Deadline deadline) throws ProbeFailure {
    try {
      return answer.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new ProbeFailure(FailureReason.TIMEOUT, "DNS server did not answer in time");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.net.SocketTimeoutException || cause instanceof java.io.InterruptedIOException) {
        throw new ProbeFailure(FailureReason.TIMEOUT, "DNS server did not answer in time");
      }
      throw new ProbeFailure(FailureReason.DNS, "DNS query failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeFailure(FailureReason.TIMEOUT, "interrupted while resolving");
    }
  }
}
