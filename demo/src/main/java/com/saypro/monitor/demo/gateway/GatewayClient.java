package com.saypro.monitor.demo.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.demo.faults.FaultRequestParser;
import com.saypro.monitor.demo.web.HttpIo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/** How a backend charges an order at the gateway, turning every failure into a bounded error code. */
public final class GatewayClient {
  private final HttpClient http;
  private final Supplier<URI> baseUri;
  private final Duration timeout;

  /** {@code baseUri} is asked per call: the gateway's port is known only once it listens. */
  public GatewayClient(HttpClient http, Supplier<URI> baseUri, Duration timeout) {
    this.http = http;
    this.baseUri = baseUri;
    this.timeout = timeout;
  }

  public ChargeResult charge(String gateway, String orderNumber, long amountCents) {
    ObjectNode body = HttpIo.object();
    body.put("order_number", orderNumber);
    body.put("amount_cents", amountCents);
    long started = System.nanoTime();
    try {
      HttpRequest request = HttpRequest.newBuilder(baseUri.get().resolve("/v1/" + gateway + "/charges"))
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long took = (System.nanoTime() - started) / 1_000_000;
      if (response.statusCode() == 200) {
        return new ChargeResult(true, null, took);
      }
      if (response.statusCode() == 402) {
        return new ChargeResult(false, declineCode(response.body()), took);
      }
      return new ChargeResult(false, "gateway_error", took);
    } catch (HttpTimeoutException e) {
      return new ChargeResult(false, "timeout", (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      return new ChargeResult(false, "gateway_error", (System.nanoTime() - started) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ChargeResult(false, "gateway_error", (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** The decline reason, kept to the bounded set so it can be a metric label downstream. */
  private static String declineCode(String body) {
    try {
      JsonNode node = HttpIo.JSON.readTree(body);
      String code = node == null ? "" : node.path("error_code").asText("");
      return FaultRequestParser.DECLINE_CODES.contains(code) ? code : "declined";
    } catch (IOException e) {
      return "declined";
    }
  }
}
