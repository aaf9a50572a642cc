package com.saypro.monitor.marketplace.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real web server on 127.0.0.1 (HTTP and HTTPS with the test certificates) whose pages misbehave
 * on request: known delays before the first byte and in the middle of the body, big bodies, chunked
 * bodies, redirects and loops, cookies, flaky answers.
 *
 * <ul>
 *   <li>{@code /ok}: 200 {@code hello world}
 *   <li>{@code /delay?ms=N}: waits N ms, then answers (time to first byte)
 *   <li>{@code /slowbody?ms=N}: sends the head and part of the body, waits N ms, sends the rest
 *   <li>{@code /bytes?n=N}: N bytes with Content-Length; {@code /chunked?n=N}: N bytes chunked
 *   <li>{@code /status?code=N}; {@code /redirect?to=URL} (302); {@code /loop} (302 to itself)
 *   <li>{@code /login}: sets cookie {@code session}, answers {@code {"token":"tok-42","user":{"id":7}}}
 *   <li>{@code /orders/7}: 200 JSON only with the session cookie and {@code X-Token: tok-42}
 *   <li>{@code /login-redirect}: sets the cookie and redirects (303) to {@code /whoami}
 *   <li>{@code /whoami}: 200 with the session cookie, else 401
 *   <li>{@code /flaky?key=K&fail=N}: the first N requests with key K answer 503, later ones 200
 * </ul>
 */
public final class TestSite implements AutoCloseable {
  private final Server server;
  private final ServerConnector http;
  private final ServerConnector https;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  private TestSite(Server server, ServerConnector http, ServerConnector https) {
    this.server = server;
    this.http = http;
    this.https = https;
  }

  /** Starts on 127.0.0.1 (or {@code host}) with HTTPS served with {@code certificates}. */
  public static TestSite start(String host, TestCertificates certificates) throws Exception {
    Server server = new Server();
    ServerConnector http = new ServerConnector(server);
    http.setHost(host);
    http.setPort(0);
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(certificates.serverKeyStore());
    ssl.setKeyStorePassword(new String(TestCertificates.password()));
    ServerConnector https = new ServerConnector(server, ssl);
    https.setHost(host);
    https.setPort(0);
    server.addConnector(http);
    server.addConnector(https);
    TestSite site = new TestSite(server, http, https);
    server.setHandler(site.new Pages());
    server.start();
    return site;
  }

  public int httpPort() {
    return http.getLocalPort();
  }

  public int httpsPort() {
    return https.getLocalPort();
  }

  public String http(String path) {
    return "http://127.0.0.1:" + httpPort() + path;
  }

  public String https(String path) {
    return "https://127.0.0.1:" + httpsPort() + path;
  }

  /** How many requests reached {@code path}. */
  public int requests(String path) {
    AtomicInteger count = requests.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Pages extends Handler.Abstract {
    private final Map<String, AtomicInteger> flaky = new ConcurrentHashMap<>();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Fields query = Request.extractQueryParameters(request);
      String cookie = request.getHeaders().get(HttpHeader.COOKIE);
      boolean session = cookie != null && cookie.contains("session=s3cr3t");
      switch (path) {
        case "/ok" -> send(response, callback, 200, "text/plain", "hello world");
        case "/delay" -> {
          Thread.sleep(Long.parseLong(query.getValue("ms")));
          send(response, callback, 200, "text/plain", "delayed");
        }
        case "/slowbody" -> {
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
          try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write("first part ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(Long.parseLong(query.getValue("ms")));
            out.write("second part".getBytes(StandardCharsets.UTF_8));
          }
          callback.succeeded();
        }
        case "/bytes" -> {
          long n = Long.parseLong(query.getValue("n"));
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_LENGTH, n);
          stream(response, callback, n);
        }
        case "/chunked" -> {
          response.setStatus(200);
          stream(response, callback, Long.parseLong(query.getValue("n")));
        }
        case "/status" -> send(response, callback, Integer.parseInt(query.getValue("code")), "text/plain", "status");
        case "/redirect" -> redirect(response, callback, 302, query.getValue("to"));
        case "/loop" -> redirect(response, callback, 302, "/loop");
        case "/login" -> {
          response.getHeaders().add(HttpHeader.SET_COOKIE, "session=s3cr3t; Path=/; HttpOnly");
          send(response, callback, 200, "application/json", "{\"token\":\"tok-42\",\"user\":{\"id\":7,\"name\":\"Ann\"}}");
        }
        case "/orders/7" -> {
          boolean token = "tok-42".equals(request.getHeaders().get("X-Token"));
          if (session && token) {
            send(response, callback, 200, "application/json", "{\"owner\":7,\"status\":\"paid\"}");
          } else {
            send(response, callback, 401, "application/json", "{\"error\":\"unauthorized\"}");
          }
        }
        case "/login-redirect" -> {
          response.getHeaders().add(HttpHeader.SET_COOKIE, "session=s3cr3t; Path=/");
          redirect(response, callback, 303, "/whoami");
        }
        case "/whoami" -> send(response, callback, session ? 200 : 401, "text/plain", session ? "session ok" : "who are you");
        case "/flaky" -> {
          int seen = flaky.computeIfAbsent(query.getValue("key"), k -> new AtomicInteger()).incrementAndGet();
          int failures = Integer.parseInt(query.getValue("fail"));
          send(response, callback, seen <= failures ? 503 : 200, "text/plain", seen <= failures ? "not yet" : "fine");
        }
        default -> send(response, callback, 404, "text/plain", "not found");
      }
      return true;
    }

    private void stream(Response response, Callback callback, long n) throws IOException {
      byte[] block = new byte[64 * 1024];
      java.util.Arrays.fill(block, (byte) 'x');
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        for (long left = n; left > 0; left -= block.length) {
          out.write(block, 0, (int) Math.min(left, block.length));
        }
        callback.succeeded();
      } catch (IOException e) {
        callback.failed(e); // the prober hung up on a body it will not read: expected
      }
    }

    private void redirect(Response response, Callback callback, int status, String location) {
      response.getHeaders().put(HttpHeader.LOCATION, location);
      send(response, callback, status, "text/plain", "moved");
    }

    private void send(Response response, Callback callback, int status, String type, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      Content.Sink.write(response, true, body, callback);
    }
  }
}
