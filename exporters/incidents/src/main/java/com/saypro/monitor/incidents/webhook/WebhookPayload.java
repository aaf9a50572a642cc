package com.saypro.monitor.incidents.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.saypro.monitor.incidents.config.Classification;
import com.saypro.monitor.incidents.store.StoreCommand.AlertNotice;
import com.saypro.monitor.incidents.webhook.RawPayload.RawAlert;
import com.saypro.monitor.incidents.webhook.RawPayload.StringFields;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Alertmanager's webhook body (version 4) into validated alerts, trimmed to what the store
 * keeps. Every refusal says what is wrong and where ({@code alerts[3].startsAt: "yesterday" is not an
 * RFC 3339 time}).
 *
 * <p>The body is read in one streaming pass ({@link RawPayload}), without building a JSON tree, and
 * only then validated, in a fixed order (JSON syntax, version, then each alert field by field), so
 * the message does not depend on the order of the fields in the body.
 *
 * @param alerts the alerts that are incidents
 * @param heartbeat the heartbeat alert's name if the notification carried it firing
 */
public record WebhookPayload(List<AlertNotice> alerts, Optional<String> heartbeat, int firing, int resolved) {
  static final int MAX_SHORT = 255;
  static final int MAX_SUMMARY = 1024;
  static final int MAX_LABEL_VALUE = 1024;
  static final int MAX_LABELS = 100;
  private static final int MAX_FINGERPRINT = 64;
  /** Alertmanager writes Go's zero time as the end of an alert that has not ended. */
  private static final Instant GO_ZERO_TIME_LIMIT = Instant.parse("0002-01-01T00:00:00Z");
  // no duplicate-key detection (the default): Alertmanager never writes duplicate keys, and the last one wins
  private static final JsonFactory JSON = new JsonFactory();

  public static WebhookPayload parse(byte[] body, Classification classification, String heartbeatName, Instant receivedAt)
      throws PayloadException {
    RawPayload raw;
    try (JsonParser parser = JSON.createParser(body)) {
      raw = RawPayload.read(parser);
    } catch (JsonProcessingException e) {
      throw new PayloadException("body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PayloadException("body cannot be read: " + e.getMessage());
    }
    if (raw == null) {
      throw new PayloadException("body must be a JSON object (Alertmanager webhook payload)");
    }
    if (!(raw.version() instanceof String version)) {
      throw new PayloadException("version: missing (Alertmanager webhook version \"4\" expected)", true);
    }
    if (!version.equals("4")) {
      throw new PayloadException("version: " + quote(version) + " is not supported (\"4\" expected)", true);
    }
    if (raw.alerts() == null) {
      throw new PayloadException("alerts: must be a list");
    }
    List<AlertNotice> notices = new ArrayList<>(raw.alerts().size());
    Optional<String> heartbeat = Optional.empty();
    int firing = 0;
    int resolved = 0;
    for (int i = 0; i < raw.alerts().size(); i++) {
      AlertNotice notice = alert(raw.alerts().get(i), i, classification, receivedAt);
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

  /** Validates one alert in a fixed order: status, fingerprint, labels, annotations, startsAt, endsAt. */
  private static AlertNotice alert(RawAlert alert, int index, Classification classification, Instant receivedAt)
      throws PayloadException {
    if (alert == null) {
      throw new PayloadException(where(index) + ": must be an object");
    }
    String status = text(alert.status(), "status", index);
    if (!status.equals("firing") && !status.equals("resolved")) {
      throw new PayloadException(where(index) + ".status: " + quote(status) + " is not firing or resolved");
    }
    String fingerprint = text(alert.fingerprint(), "fingerprint", index);
    if (!isFingerprint(fingerprint)) {
      throw new PayloadException(where(index) + ".fingerprint: " + quote(fingerprint) + " is not a hexadecimal fingerprint");
    }
    if (alert.labels().error() != null) {
      throw new PayloadException(where(index) + ".labels" + alert.labels().error());
    }
    if (alert.annotations().error() != null) {
      throw new PayloadException(where(index) + ".annotations" + alert.annotations().error());
    }
    Instant startsAt = time(alert.startsAt(), "startsAt", index);
    Instant endsAt = receivedAt;
    boolean firing = status.equals("firing");
    if (!firing && alert.endsAt() != null) {
      Instant given = time(alert.endsAt(), "endsAt", index);
      endsAt = given.isBefore(GO_ZERO_TIME_LIMIT) ? receivedAt : given;
    }
    if (endsAt.isBefore(startsAt)) {
      endsAt = startsAt;
    }
    StringFields labels = alert.labels();
    return new AlertNotice(
        fingerprint,
        firing,
        trim(labels.get("alertname"), MAX_SHORT),
        trim(labels.get(classification.severityLabel()), MAX_SHORT),
        trim(labels.get(classification.teamLabel()), MAX_SHORT),
        labels.values(),
        trim(alert.annotations().summary(), MAX_SUMMARY),
        startsAt,
        endsAt);
  }

  /** Built only for a refusal: a notification of 100 good alerts makes no location strings. */
  private static String where(int index) {
    return "alerts[" + index + "]";
  }

  private static boolean isFingerprint(String text) {
    if (text.isEmpty() || text.length() > MAX_FINGERPRINT) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** A field read by {@link RawAlert}: a String, null when absent or JSON null, or {@link RawPayload#NOT_A_STRING}. */
  private static String text(Object value, String field, int index) throws PayloadException {
    if (!(value instanceof String text)) {
      throw new PayloadException(where(index) + "." + field + ": missing or not a string");
    }
    return text;
  }

  private static Instant time(Object value, String field, int index) throws PayloadException {
    String text = text(value, field, index);
    Optional<Instant> parsed = Rfc3339.parse(text);
    if (parsed.isEmpty()) {
      throw new PayloadException(where(index) + "." + field + ": " + quote(text) + " is not an RFC 3339 time");
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
