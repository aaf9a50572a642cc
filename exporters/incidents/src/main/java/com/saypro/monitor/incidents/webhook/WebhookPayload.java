package com.saypro.monitor.incidents.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.store.StoreCommand.AlertNotice;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Alertmanager's webhook body (version 4) into validated alerts, trimmed to what the store
 * keeps. Every refusal says what is wrong and where ({@code alerts[3].startsAt: "yesterday" is not an
 * RFC 3339 time}).
 *
 * @param alerts the alerts that are incidents
 * @param heartbeat the heartbeat alert's name if the notification carried it firing
 */
public record WebhookPayload(List<AlertNotice> alerts, Optional<String> heartbeat, int firing, int resolved) {
  static final int MAX_SHORT = 255;
  static final int MAX_SUMMARY = 1024;
  static final int MAX_LABEL_VALUE = 1024;
  static final int MAX_LABELS = 100;
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{1,64}");
  /** Alertmanager writes Go's zero time as the end of an alert that has not ended. */
  private static final Instant GO_ZERO_TIME_LIMIT = Instant.parse("0002-01-01T00:00:00Z");
  // no duplicate-key detection: Alertmanager never writes duplicate keys, and the check cost 5% of a notification
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public static WebhookPayload parse(byte[] body, Classification classification, String heartbeatName, Instant receivedAt)
      throws PayloadException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new PayloadException("body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PayloadException("body cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PayloadException("body must be a JSON object (Alertmanager webhook payload)");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isTextual()) {
      throw new PayloadException("version: missing (Alertmanager webhook version \"4\" expected)", true);
    }
    if (!version.asText().equals("4")) {
      throw new PayloadException("version: " + quote(version.asText()) + " is not supported (\"4\" expected)", true);
    }
    JsonNode alerts = root.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw new PayloadException("alerts: must be a list");
    }
    List<AlertNotice> notices = new ArrayList<>(alerts.size());
    Optional<String> heartbeat = Optional.empty();
    int firing = 0;
    int resolved = 0;
    for (int i = 0; i < alerts.size(); i++) {
      AlertNotice notice = alert(alerts.get(i), "alerts[" + i + "]", classification, receivedAt);
      if (notice.firing()) {
        firing++;
      } else {
        resolved++;
      }
      if (notice.alertname().equals(heartbeatName)) {
        if (notice.firing()) {
          heartbeat = Optional.of(heartbeatName);
        }
      } else {
        notices.add(notice);
      }
    }
    return new WebhookPayload(notices, heartbeat, firing, resolved);
  }

  private static AlertNotice alert(JsonNode alert, String where, Classification classification, Instant receivedAt)
      throws PayloadException {
    if (alert == null || !alert.isObject()) {
      throw new PayloadException(where + ": must be an object");
    }
    String status = text(alert, "status", where);
    if (!status.equals("firing") && !status.equals("resolved")) {
      throw new PayloadException(where + ".status: " + quote(status) + " is not firing or resolved");
    }
    String fingerprint = text(alert, "fingerprint", where);
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw new PayloadException(where + ".fingerprint: " + quote(fingerprint) + " is not a hexadecimal fingerprint");
    }
    Map<String, String> labels = strings(alert.get("labels"), where + ".labels");
    Map<String, String> annotations = strings(alert.get("annotations"), where + ".annotations");
    Instant startsAt = time(alert, "startsAt", where);
    Instant endsAt = receivedAt;
    boolean firing = status.equals("firing");
    if (!firing && alert.hasNonNull("endsAt")) {
      Instant given = time(alert, "endsAt", where);
      endsAt = given.isBefore(GO_ZERO_TIME_LIMIT) ? receivedAt : given;
    }
    if (endsAt.isBefore(startsAt)) {
      endsAt = startsAt;
    }
    String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", ""));
    return new AlertNotice(
        fingerprint,
        firing,
        trim(labels.getOrDefault("alertname", ""), MAX_SHORT),
        trim(labels.getOrDefault(classification.severityLabel(), ""), MAX_SHORT),
        trim(labels.getOrDefault(classification.teamLabel(), ""), MAX_SHORT),
        labels,
        trim(summary, MAX_SUMMARY),
        startsAt,
        endsAt);
  }

  private static String text(JsonNode node, String field, String where) throws PayloadException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new PayloadException(where + "." + field + ": missing or not a string");
    }
    return value.asText();
  }

  private static Map<String, String> strings(JsonNode node, String where) throws PayloadException {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new PayloadException(where + ": must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isTextual()) {
        throw new PayloadException(where + "." + field.getKey() + ": must be a string");
      }
      if (out.size() < MAX_LABELS) {
        out.put(trim(field.getKey(), MAX_SHORT), trim(field.getValue().asText(), MAX_LABEL_VALUE));
      }
    }
    return out;
  }

  private static Instant time(JsonNode node, String field, String where) throws PayloadException {
    String text = text(node, field, where);
    Optional<Instant> parsed = Rfc3339.parse(text);
    if (parsed.isEmpty()) {
      throw new PayloadException(where + "." + field + ": " + quote(text) + " is not an RFC 3339 time");
    }
    return parsed.get();
  }

  static String trim(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  private static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return "\"" + shown.replaceAll("[\\p{Cntrl}\"\\\\]", "?") + "\"";
  }
}
