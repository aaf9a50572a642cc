package com.saypro.monitor.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** Alertmanager webhook bodies (version 4) as Alertmanager writes them. */
public final class Payloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  /** One alert of a notification. */
  public record Alert(String fingerprint, boolean firing, Map<String, String> labels, Instant startsAt, Instant endsAt) {
    public static Alert firing(String fingerprint, Instant startsAt, Map<String, String> labels) {
      return new Alert(fingerprint, true, labels, startsAt, null);
    }

    public Alert resolvedAt(Instant at) {
      return new Alert(fingerprint, false, labels, startsAt, at);
    }
  }

  public static String notification(Alert... alerts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "4");
    root.put("groupKey", "{}:{alertname=\"test\"}");
    root.put("truncatedAlerts", 0);
    root.put("status", alerts.length > 0 && !alerts[0].firing() ? "resolved" : "firing");
    root.put("receiver", "incidents");
    root.putObject("groupLabels");
    root.putObject("commonLabels");
    root.putObject("commonAnnotations");
    root.put("externalURL", "http://alertmanager.test:9093");
    ArrayNode list = root.putArray("alerts");
    for (Alert alert : alerts) {
      ObjectNode node = list.addObject();
      node.put("status", alert.firing() ? "firing" : "resolved");
      ObjectNode labels = node.putObject("labels");
      alert.labels().forEach(labels::put);
      node.putObject("annotations").put("summary", "summary of " + alert.labels().getOrDefault("alertname", "?"));
      node.put("startsAt", alert.startsAt().toString());
      node.put("endsAt", alert.endsAt() == null ? "0001-01-01T00:00:00Z" : alert.endsAt().toString());
      node.put("generatorURL", "http://prometheus.test/graph");
      node.put("fingerprint", alert.fingerprint());
    }
    return root.toString();
  }
}
