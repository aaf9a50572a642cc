package com.saypro.monitor.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The on-call pager, ticket and security receivers: one loopback HTTP server that records every
 * Alertmanager webhook notification with the time it arrived.
 */
final class Receiver implements AutoCloseable {
  /** One alert of one notification. */
  record Received(String receiver, long atMillis, String status, String alertname, String severity, JsonNode alert) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      long now = System.currentTimeMillis();
      String path = exchange.getRequestURI().getPath().substring(1);
      JsonNode body = Config.JSON.readTree(exchange.getRequestBody().readAllBytes());
      for (JsonNode alert : body.path("alerts")) {
        received.add(new Received(path, now, alert.path("status").asText(), alert.at("/labels/alertname").asText(),
            alert.at("/labels/severity").asText(), alert));
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  String url(String receiver) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + receiver;
  }

  List<Received> received(String receiver) {
    List<Received> out = new ArrayList<>();
    for (Received r : received) {
      if (r.receiver().equals(receiver)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The first notification of {@code alertname} with {@code status} to {@code receiver}, or null. */
  Received first(String receiver, String alertname, String status) {
    return first(receiver, alertname, status, 0);
  }

  /** The same, among notifications that arrived at or after {@code afterMillis}. */
  Received first(String receiver, String alertname, String status, long afterMillis) {
    return received(receiver).stream().filter(r -> r.alertname().equals(alertname) && r.status().equals(status)
        && r.atMillis() >= afterMillis).findFirst().orElse(null);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
