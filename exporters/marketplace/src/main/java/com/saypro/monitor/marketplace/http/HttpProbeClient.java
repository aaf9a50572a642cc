package com.saypro.monitor.marketplace.http;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends HTTP/1.1 requests on plain sockets and measures each phase itself: the JDK's HttpClient
 * does not say where the time went. Every request gets a fresh connection ({@code Connection:
 * close}), so connect and TLS are measured on every probe, as blackbox_exporter does; redirects are
 * followed up to the request's limit, carrying cookies when a {@link CookieHandler} is given.
 * Nothing blocks past the deadline.
 */
public final class HttpProbeClient {
  private static final List<Integer> REDIRECTS = List.of(301, 302, 303, 307, 308);

  private final HostResolver resolver;
  private final RequestWriter requestWriter;

  public HttpProbeClient(HostResolver resolver, String userAgent) {
    this.resolver = resolver;
    this.requestWriter = new RequestWriter(userAgent);
  }

  public HttpResult execute(ProbeRequest request, CookieHandler cookies, Deadline deadline) {
    return execute(request, cookies, deadline, null);
  }

  /**
   * Sends {@code request}; with {@code pinned}, connects to that address of the URL's host (the
   * host name still goes in {@code Host} and SNI and is what the certificate must match).
   */
  public HttpResult execute(ProbeRequest request, CookieHandler cookies, Deadline deadline, InetAddress pinned) {
    long start = System.nanoTime();
    Exchange exchange = new Exchange();
    URI uri = request.uri();
    String method = request.method();
    byte[] body = request.body();
    int redirects = 0;
    while (true) {
      try {
        InetAddress address = pinned != null && uri.getHost().equalsIgnoreCase(request.uri().getHost()) ? pinned : null;
        exchange.send(method, uri, request, body, cookies, deadline, address);
        ResponseHead head = exchange.head;
        Optional<String> location = head.first("Location");
        if (request.followRedirects() && REDIRECTS.contains(head.status()) && location.isPresent()) {
          if (redirects >= request.maxRedirects()) {
            throw new ProbeFailure(FailureReason.REDIRECTS, "more than " + request.maxRedirects() + " redirects");
          }
          uri = follow(uri, location.get());
          redirects++;
          if (head.status() == 303 || ((head.status() == 301 || head.status() == 302) && method.equals("POST"))) {
            method = method.equals("HEAD") ? "HEAD" : "GET";
            body = null;
          }
          continue;
        }
        return exchange.result(Optional.empty(), uri, redirects, System.nanoTime() - start);
      } catch (ProbeFailure failure) {
        return exchange.result(Optional.of(failure), uri, redirects, System.nanoTime() - start);
      }
    }
  }

  private static URI follow(URI from, String location) throws ProbeFailure {
    URI next;
    try {
      next = from.resolve(URI.create(location.trim()));
    } catch (IllegalArgumentException e) {
      throw new ProbeFailure(FailureReason.REDIRECTS, "redirect to an invalid Location");
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
      throw new ProbeFailure(FailureReason.REDIRECTS, "redirect to a URL that is not http or https");
    }
    return next;
  }

  /** The state of one request and its redirects: phases so far and the last response. */
  private final class Exchange {
    private PhaseTimings phases = PhaseTimings.ZERO;
    private ResponseHead head;
    private byte[] body = new byte[0];
    private InetAddress address;
    private Optional<Instant> certificateExpiry = Optional.empty();

    HttpResult result(Optional<ProbeFailure> failure, URI uri, int redirects, long totalNanos) {
      return new HttpResult(failure, head, body, uri, redirects, phases, totalNanos, address, certificateExpiry);
    }

    void send(String method, URI uri, ProbeRequest request, byte[] requestBody, CookieHandler cookies, Deadline deadline, InetAddress pinned)
        throws ProbeFailure {
      head = null;
      body = new byte[0];
      boolean https = uri.getScheme().equalsIgnoreCase("https");
      String host = unbracket(uri.getHost());
      int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;

      long resolveStart = System.nanoTime();
      List<InetAddress> addresses;
      try {
        addresses = pinned != null ? List.of(pinned) : addresses(host, deadline);
      } finally {
        add(System.nanoTime() - resolveStart, 0, 0, 0, 0);
      }

      long connectStart = System.nanoTime();
      Socket socket;
      try {
        socket = connect(addresses, port, deadline);
      } finally {
        add(0, System.nanoTime() - connectStart, 0, 0, 0);
      }
      try (Socket plain = socket) {
        Socket channel = plain;
        if (https) {
          long tlsStart = System.nanoTime();
          try {
            channel = handshake(plain, host, port, request.tls(), deadline);
          } finally {
            add(0, 0, System.nanoTime() - tlsStart, 0, 0);
          }
        }
        long ready = System.nanoTime();
        ResponseReader reader;
        try {
          requestWriter.write(channel, method, uri, request, requestBody, cookies, deadline);
          reader = new ResponseReader(channel, deadline, request.maxBody());
        } catch (IOException e) {
          add(0, 0, 0, System.nanoTime() - ready, 0);
          throw deadline.passed()
              ? new ProbeFailure(FailureReason.TIMEOUT, "request not sent before the deadline")
              : new ProbeFailure(FailureReason.CONNECT, "connection failed while sending the request", e);
        }
        try {
          head = reader.readHead();
          body = reader.readBody(method, head);
          storeCookies(cookies, uri, head);
        } finally {
          long end = System.nanoTime();
          long firstByte = reader.firstByteNanos() < 0 ? end : reader.firstByteNanos();
          add(0, 0, 0, firstByte - ready, end - firstByte);
        }
      } catch (IOException e) {
        // closing the socket failed after the response was read: nothing was lost
      }
    }

    private void add(long resolve, long connect, long tls, long processing, long transfer) {
      phases = phases.plus(new PhaseTimings(resolve, connect, tls, processing, transfer));
    }

    private Socket connect(List<InetAddress> addresses, int port, Deadline deadline) throws ProbeFailure {
      IOException last = null;
      for (InetAddress candidate : addresses) {
        Socket socket = new Socket();
        address = candidate; // the address tried last, also when it refuses: it names the target that is down
        try {
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(candidate, port), deadline.socketTimeoutMillis());
          return socket;
        } catch (SocketTimeoutException e) {
          closeQuietly(socket);
          throw new ProbeFailure(FailureReason.TIMEOUT, "connect did not finish before the deadline");
        } catch (IOException e) {
          closeQuietly(socket);
          last = e;
        }
      }
      throw new ProbeFailure(FailureReason.CONNECT, "cannot connect", last);
    }

    private SSLSocket handshake(Socket plain, String host, int port, TlsSettings tls, Deadline deadline) throws ProbeFailure {
      try {
        SSLSocket ssl = (SSLSocket) tls.socketFactory().createSocket(plain, host, port, true);
        if (tls.verify()) {
          SSLParameters parameters = ssl.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          ssl.setSSLParameters(parameters);
        }
        ssl.setSoTimeout(deadline.socketTimeoutMillis());
        ssl.startHandshake();
        certificateExpiry = earliestExpiry(ssl.getSession().getPeerCertificates());
        return ssl;
      } catch (SocketTimeoutException e) {
        throw new ProbeFailure(FailureReason.TIMEOUT, "TLS handshake did not finish before the deadline");
      } catch (SSLException e) {
        throw deadline.passed()
            ? new ProbeFailure(FailureReason.TIMEOUT, "TLS handshake did not finish before the deadline")
            : new ProbeFailure(FailureReason.TLS, "TLS handshake failed", e);
      } catch (IOException e) {
        throw deadline.passed()
            ? new ProbeFailure(FailureReason.TIMEOUT, "TLS handshake did not finish before the deadline")
            : new ProbeFailure(FailureReason.TLS, "connection failed during the TLS handshake", e);
      }
    }
  }

  private List<InetAddress> addresses(String host, Deadline deadline) throws ProbeFailure {
    Optional<InetAddress> literal = IpLiteral.parse(host);
    return literal.isPresent() ? List.of(literal.get()) : resolver.resolve(host, deadline);
  }

  private static void storeCookies(CookieHandler cookies, URI uri, ResponseHead head) {
    if (cookies == null || head.all("Set-Cookie").isEmpty()) {
      return;
    }
    try {
      cookies.put(uri, head.asMap());
    } catch (IOException | IllegalArgumentException e) {
      // a malformed Set-Cookie is ignored, as browsers do
    }
  }

  private static Optional<Instant> earliestExpiry(Certificate[] chain) {
    Instant earliest = null;
    for (Certificate certificate : chain) {
      if (certificate instanceof X509Certificate x509) {
        Instant notAfter = x509.getNotAfter().toInstant();
        if (earliest == null || notAfter.isBefore(earliest)) {
          earliest = notAfter;
        }
      }
    }
    return Optional.ofNullable(earliest);
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do about a socket that will not close
    }
  }
}
