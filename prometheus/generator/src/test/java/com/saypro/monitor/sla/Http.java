package com.saypro.monitor.sla;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small HTTP calls of the end-to-end test: Prometheus queries, the fault API, Alertmanager. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url))).body();
  }

  static HttpResponse<String> post(String url, String json, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  static HttpResponse<String> delete(String url, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).DELETE();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  /** The result vector of an instant query (empty when the query returns nothing). */
  static JsonNode query(int prometheusPort, String promql) {
    String url = "http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    try {
      JsonNode body = Config.JSON.readTree(get(url));
      if (!"success".equals(body.path("status").asText())) {
        throw new AssertionError("query " + promql + " failed: " + body);
      }
      return body.at("/data/result");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static double value(int prometheusPort, String promql) {
    JsonNode result = query(prometheusPort, promql);
    return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).at("/value/1").asText());
  }
}
