package com.saypro.monitor.demo.logs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON application log: one object per line with {@code ts}, {@code level}, {@code event},
 * {@code service}, {@code instance}, {@code msg} and the event's own fields (demo/API.md). The log
 * exporter and the security exporter read it, so field names and event names are a contract.
 * Callers never pass secrets: there is no field for a password, token or session id.
 */
public final class AppLog {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  private final LineSink sink;
  private final Clock clock;

  public AppLog(LineSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** A logger for one service instance, e.g. ({@code marketplace}, {@code backend-2}). */
  public Source source(String service, String instance) {
    return new Source(service, instance);
  }

  /** Where events of one instance go. */
  public final class Source {
    private final String service;
    private final String instance;

    private Source(String service, String instance) {
      this.service = service;
      this.instance = instance;
    }

    public Event info(String event) {
      return new Event(this, "info", event);
    }

    public Event warn(String event) {
      return new Event(this, "warn", event);
    }

    public Event error(String event) {
      return new Event(this, "error", event);
    }
  }

  /** One event being built; {@link #log(String)} writes it. */
  public final class Event {
    private final Source source;
    private final String level;
    private final String name;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Event(Source source, String level, String name) {
      this.source = source;
      this.level = level;
      this.name = name;
    }

    public Event with(String key, Object value) {
      if (value != null) {
        fields.put(key, value);
      }
      return this;
    }

    public void log(String message) {
      sink.writeLine(render(clock.instant(), message));
    }

    private String render(Instant now, String message) {
      StringWriter out = new StringWriter(256);
      try (JsonGenerator json = JSON.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("ts", TS.format(now));
        json.writeStringField("level", level);
        json.writeStringField("event", name);
        json.writeStringField("service", source.service);
        json.writeStringField("instance", source.instance);
        json.writeStringField("msg", message);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
          Object value = field.getValue();
          if (value instanceof Number number) {
            json.writeFieldName(field.getKey());
            if (number instanceof Double || number instanceof Float) {
              json.writeNumber(number.doubleValue());
            } else {
              json.writeNumber(number.longValue());
            }
          } else if (value instanceof Boolean bool) {
            json.writeBooleanField(field.getKey(), bool);
          } else {
            json.writeStringField(field.getKey(), String.valueOf(value));
          }
        }
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }
  }
}
