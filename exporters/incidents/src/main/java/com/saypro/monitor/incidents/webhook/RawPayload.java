package com.saypro.monitor.incidents.webhook;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.saypro.monitor.incidents.store.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a webhook body that the exporter keeps, read in one streaming pass (no JSON tree:
 * a notification of 100 alerts used to build some 2,000 tree nodes only to copy them out again).
 * Nothing is judged here except JSON syntax; a value of the wrong type is recorded, and {@link
 * WebhookPayload} refuses it afterwards in a fixed order.
 *
 * @param version the version field ({@code null} if absent or null, {@link #NOT_A_STRING} if not a string)
 * @param alerts the alerts, {@code null} where an element is not an object; {@code null} if the field is absent or not a list
 */
record RawPayload(Object version, List<RawAlert> alerts) {
  /** A field present with a value that is neither a string nor null. */
  static final Object NOT_A_STRING = new Object();

  /** Reads the whole body; {@code null} if it is valid JSON but not an object. */
  static RawPayload read(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      if (first != null) {
        parser.skipChildren();
      }
      expectEnd(parser);
      return null;
    }
    Object version = null;
    List<RawAlert> alerts = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "version" -> version = scalar(parser, value);
        case "alerts" -> alerts = value == JsonToken.START_ARRAY ? alerts(parser) : skipped(parser);
        default -> parser.skipChildren();
      }
    }
    expectEnd(parser);
    return new RawPayload(version, alerts);
  }

  private static void expectEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "trailing content after the JSON value");
    }
  }

  private static List<RawAlert> skipped(JsonParser parser) throws IOException {
    parser.skipChildren();
    return null;
  }

  private static List<RawAlert> alerts(JsonParser parser) throws IOException {
    List<RawAlert> alerts = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_OBJECT) {
        alerts.add(RawAlert.read(parser));
      } else {
        parser.skipChildren();
        alerts.add(null);
      }
    }
    return alerts;
  }

  static final String FIRING = "firing";
  static final String RESOLVED = "resolved";
  /** Go's zero time: the end Alertmanager writes for an alert that has not ended. */
  static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

  /**
   * As {@link #scalar}, but a string equal to {@code a} or {@code b} is that constant: the status
   * and the zero end time of every alert are then not copied out of the parser (two strings fewer
   * per alert).
   */
  static Object known(JsonParser parser, JsonToken token, String a, String b) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      char[] text = parser.getTextCharacters();
      int offset = parser.getTextOffset();
      int length = parser.getTextLength();
      if (sameText(text, offset, length, a)) {
        return a;
      }
      if (sameText(text, offset, length, b)) {
        return b;
      }
    }
    return scalar(parser, token);
  }

  private static boolean sameText(char[] text, int offset, int length, String constant) {
    if (length != constant.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text[offset + i] != constant.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The current value as a String, {@code null} for JSON null, or {@link #NOT_A_STRING} (skipped). */
  static Object scalar(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    parser.skipChildren();
    return NOT_A_STRING;
  }

  /** One alert's fields; scalars as in {@link RawPayload#scalar}. */
  record RawAlert(Object status, Object fingerprint, Object startsAt, Object endsAt, StringFields labels, StringFields annotations) {
    static RawAlert read(JsonParser parser) throws IOException {
      Object status = null;
      Object fingerprint = null;
      Object startsAt = null;
      Object endsAt = null;
      StringFields labels = StringFields.EMPTY;
      StringFields annotations = StringFields.EMPTY;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "status" -> status = known(parser, value, FIRING, RESOLVED);
          case "fingerprint" -> fingerprint = scalar(parser, value);
          case "startsAt" -> startsAt = scalar(parser, value);
          case "endsAt" -> endsAt = known(parser, value, GO_ZERO_TIME, GO_ZERO_TIME);
          // room for the labels and annotations alerts usually have (more grow the arrays)
          case "labels" -> labels = StringFields.read(parser, value, 8);
          case "annotations" -> annotations = StringFields.read(parser, value, 2);
          default -> parser.skipChildren();
        }
      }
      return new RawAlert(status, fingerprint, startsAt, endsAt, labels, annotations);
    }
  }

  /**
   * An object of strings (labels, annotations): at most {@link WebhookPayload#MAX_LABELS} entries,
   * keys and values trimmed, sorted by key (a key given twice keeps its later value).
   *
   * @param error what is wrong, after the field's path ({@code .instance: must be a string}), or {@code null}
   */
  record StringFields(Labels values, String error) {
    static final StringFields EMPTY = new StringFields(Labels.EMPTY, null);

    static StringFields read(JsonParser parser, JsonToken token, int capacity) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return EMPTY;
      }
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return new StringFields(Labels.EMPTY, ": must be an object of strings");
      }
      Labels.Builder values = new Labels.Builder(capacity);
      String error = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value != JsonToken.VALUE_STRING) {
          parser.skipChildren();
          if (error == null) {
            error = "." + key + ": must be a string";
          }
        } else if (error == null && values.size() < WebhookPayload.MAX_LABELS) {
          values.put(WebhookPayload.trim(key, WebhookPayload.MAX_SHORT),
              WebhookPayload.trim(parser.getText(), WebhookPayload.MAX_LABEL_VALUE));
        }
      }
      return new StringFields(values.build(), error);
    }

    /** The value, or "" if absent. */
    String get(String name) {
      String value = values.get(name);
      return value != null ? value : "";
    }

    /** An alert's summary annotation, else its description. */
    String summary() {
      String summary = values.get("summary");
      return summary != null ? summary : get("description");
    }
  }
}
