package com.saypro.monitor.incidents.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.config.SlaPolicy;
import com.saypro.monitor.incidents.sla.SlaKind;
import com.saypro.monitor.incidents.sla.SlaVerdict;
import com.saypro.monitor.incidents.store.IncidentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One incident as the JSON API shows it: times in RFC 3339, durations in seconds, SLA verdicts. */
final class IncidentJson {
  private final ObjectMapper json;
  private final Classification classification;
  private final SlaPolicy policy;

  IncidentJson(ObjectMapper json, Classification classification, SlaPolicy policy) {
    this.json = json;
    this.classification = classification;
    this.policy = policy;
  }

  ObjectNode of(IncidentRecord incident, Instant now) {
    ObjectNode node = json.createObjectNode();
    node.put("fingerprint", incident.key().fingerprint());
    node.put("starts_at", incident.key().startsAt().toString());
    node.put("alertname", incident.alertname());
    node.put("severity", incident.severity());
    node.put("team", incident.team());
    node.put("summary", incident.summary());
    ObjectNode labels = node.putObject("labels");
    for (Map.Entry<String, String> label : new TreeMap<>(incident.labels()).entrySet()) {
      labels.put(label.getKey(), label.getValue());
    }
    node.put("state", state(incident));
    node.put("first_seen_at", incident.firstSeenAt().toString());
    putTime(node, "acknowledged_at", incident.acknowledgedAt().orElse(null));
    if (incident.acknowledgedBy().isPresent()) {
      node.put("acknowledged_by", incident.acknowledgedBy().get());
    } else {
      node.putNull("acknowledged_by");
    }
    putTime(node, "resolved_at", incident.resolvedAt().orElse(null));
    putSeconds(node, "time_to_acknowledge_seconds", incident.timeToAcknowledge().orElse(null));
    putSeconds(node, "time_to_resolve_seconds", incident.timeToResolve().orElse(null));
    node.put("acknowledge_sla", SlaVerdict.of(incident, SlaKind.ACKNOWLEDGE, classification, policy, now).label());
    node.put("resolve_sla", SlaVerdict.of(incident, SlaKind.RESOLVE, classification, policy, now).label());
    return node;
  }

  static String state(IncidentRecord incident) {
    if (!incident.open()) {
      return "resolved";
    }
    return incident.acknowledgedAt().isPresent() ? "acknowledged" : "open";
  }

  private static void putTime(ObjectNode node, String field, Instant at) {
    if (at == null) {
      node.putNull(field);
    } else {
      node.put(field, at.toString());
    }
  }

  private static void putSeconds(ObjectNode node, String field, Duration duration) {
    if (duration == null) {
      node.putNull(field);
    } else {
      node.put(field, duration.toMillis() / 1000.0);
    }
  }
}
