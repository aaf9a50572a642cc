package com.saypro.monitor.core.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/** A real HTTPS client (the JDK's) against an exporter on 127.0.0.1, with basic auth helpers. */
final class HttpsClient {
  private final HttpClient client;
  private final String scheme;
  private final int port;

  private HttpsClient(HttpClient client, String scheme, int port) {
    this.client = client;
    this.scheme = scheme;
    this.port = port;
  }

  static HttpsClient https(SSLContext context, int port) {
    return new HttpsClient(builder().sslContext(context).build(), "https", port);
  }

  static HttpsClient http(int port) {
    return new HttpsClient(builder().build(), "http", port);
  }

  private static HttpClient.Builder builder() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
  }

  /** The value of an {@code Authorization} header. */
  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A cheap bcrypt hash (cost 4) for tests. */
  static String hash(String password) {
    return BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, password.toCharArray());
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
    return client.send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> getAsync(String path, String... headers) {
    return client.sendAsync(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The certificate the server presented on this response's connection. */
  static X509Certificate servedCertificate(HttpResponse<?> response) throws IOException {
    return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }
}
