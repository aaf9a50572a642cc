package com.saypro.monitor.demo.web;

import com.saypro.monitor.demo.faults.Decision;
import com.saypro.monitor.demo.faults.Delays;
import com.saypro.monitor.demo.faults.Fault;
import com.saypro.monitor.demo.faults.FaultBook;
import com.saypro.monitor.demo.faults.FaultType;
import com.saypro.monitor.demo.logs.AccessLogLine;
import com.saypro.monitor.demo.logs.LineSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The demo's own nginx: round-robins requests over the backends, applies {@code site} faults,
 * answers {@code /healthz} itself, and writes one access log line per request in the nginx format
 * of {@link AccessLogLine}. Bodies are small, so requests and answers are buffered whole.
 */
public final class FrontProxy extends Handler.Abstract {
  /** Hop-by-hop headers, and the ones the JDK client sets itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "x-forwarded-for", "date", "server");
  private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(60);

  private final List<URI> backends;
  private final HttpClient http;
  private final FaultBook faults;
  private final LineSink accessLog;
  private final Clock clock;
  private final ZoneId zone;
  private final BooleanSupplier databaseUp;
  private final AtomicInteger next = new AtomicInteger();

  public FrontProxy(List<URI> backends, HttpClient http, FaultBook faults, LineSink accessLog, Clock clock, ZoneId zone,
      BooleanSupplier databaseUp) {
    this.backends = List.copyOf(backends);
    this.http = http;
    this.faults = faults;
    this.accessLog = accessLog;
    this.clock = clock;
    this.zone = zone;
    this.databaseUp = databaseUp;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    long started = System.nanoTime();
    Exchange exchange = new Exchange(request, started);
    String path = Request.getPathInContext(request);
    RouteClass route = RouteClass.of(path);
    if (route == RouteClass.HEALTH) {
      answerSelf(exchange, response, callback, 200, "application/json",
          BackendHandler.health(databaseUp.getAsBoolean()).toString());
      return true;
    }
    Decision site = faults.decide(Fault.SITE, null);
    Delays.pause(site.latencyMs());
    if (site.is(FaultType.DOWN)) {
      answerSelf(exchange, response, callback, 503, "application/json",
          "{\"error\":\"service_unavailable\",\"message\":\"the site is down (injected fault)\"}");
      return true;
    }
    if (site.is(FaultType.ERROR)) {
      answerSelf(exchange, response, callback, site.failure().status(), "application/json",
          "{\"error\":\"injected_error\",\"message\":\"injected error on the site\"}");
      return true;
    }
    if (route == RouteClass.OTHER) {
      answerSelf(exchange, response, callback, 404, "text/html; charset=utf-8",
          "<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1></body></html>\n");
      return true;
    }
    forward(exchange, request, response, callback);
    return true;
  }

  private void forward(Exchange exchange, Request request, Response response, Callback callback) throws IOException {
    URI backend = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
    exchange.upstream = backend.getHost() + ":" + backend.getPort();
    byte[] body = HttpIo.body(request).getBytes(StandardCharsets.UTF_8);
    String query = request.getHttpURI().getQuery();
    HttpRequest.Builder upstream = HttpRequest.newBuilder(
            URI.create(backend + Request.getPathInContext(request) + (query == null ? "" : "?" + query)))
        .timeout(UPSTREAM_TIMEOUT)
        .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        .header("X-Forwarded-For", Request.getRemoteAddr(request))
        .header("X-Forwarded-Proto", request.getHttpURI().getScheme() == null ? "http" : request.getHttpURI().getScheme());
    for (HttpField field : request.getHeaders()) {
      if (!NOT_FORWARDED.contains(field.getLowerCaseName())) {
        upstream.header(field.getName(), field.getValue());
      }
    }
    long upstreamStarted = System.nanoTime();
    try {
      HttpResponse<byte[]> answer = http.send(upstream.build(), HttpResponse.BodyHandlers.ofByteArray());
      exchange.upstreamMicros = (System.nanoTime() - upstreamStarted) / 1000;
      exchange.upstreamStatus = answer.statusCode();
      answer.headers().map().forEach((name, values) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!NOT_FORWARDED.contains(lower) && !lower.equals("content-type") && !lower.startsWith(":")) {
          values.forEach(value -> response.getHeaders().add(name, value));
        }
      });
      String type = answer.headers().firstValue("content-type").orElse("application/octet-stream");
      finish(exchange, response, callback, answer.statusCode(), type, answer.body());
    } catch (HttpTimeoutException e) {
      upstreamFailed(exchange, response, callback, upstreamStarted, 504, "the backend did not answer in time");
    } catch (IOException e) {
      upstreamFailed(exchange, response, callback, upstreamStarted, 502, "the backend could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      upstreamFailed(exchange, response, callback, upstreamStarted, 502, "interrupted");
    }
  }

  private void upstreamFailed(Exchange exchange, Response response, Callback callback, long upstreamStarted, int status,
      String message) {
    exchange.upstreamMicros = (System.nanoTime() - upstreamStarted) / 1000;
    exchange.upstreamStatus = status;
    finish(exchange, response, callback, status, "text/html; charset=utf-8",
        ("<!DOCTYPE html>\n<html><body><h1>" + status + "</h1><p>" + message + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8));
  }

  private void answerSelf(Exchange exchange, Response response, Callback callback, int status, String type, String body) {
    finish(exchange, response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the answer, then the access log line once the last byte is handed to the client. */
  private void finish(Exchange exchange, Response response, Callback callback, int status, String type, byte[] body) {
    Callback logged = new Callback() {
      @Override
      public void succeeded() {
        log(exchange, status, body.length);
        callback.succeeded();
      }

      @Override
      public void failed(Throwable cause) {
        log(exchange, status, 0);
        callback.failed(cause);
      }

      @Override
      public InvocationType getInvocationType() {
        return callback.getInvocationType();
      }
    };
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, java.nio.ByteBuffer.wrap(body), logged);
  }

  private void log(Exchange exchange, int status, long bytes) {
    Request request = exchange.request;
    String uri = request.getHttpURI().getPathQuery();
    accessLog.writeLine(new AccessLogLine(
        Request.getRemoteAddr(request), clock.instant(), request.getMethod(), uri == null ? "/" : uri,
        request.getConnectionMetaData().getProtocol(), status, bytes,
        request.getHeaders().get(HttpHeader.REFERER), request.getHeaders().get(HttpHeader.USER_AGENT),
        (System.nanoTime() - exchange.started) / 1000, exchange.upstream, exchange.upstreamMicros,
        exchange.upstreamStatus).format(zone));
  }

  /** What the access log line needs to know about one request. */
  private static final class Exchange {
    final Request request;
    final long started;
    String upstream;
    long upstreamMicros = -1;
    int upstreamStatus = AccessLogLine.NO_UPSTREAM;

    Exchange(Request request, long started) {
      this.request = request;
      this.started = started;
    }
  }
}
