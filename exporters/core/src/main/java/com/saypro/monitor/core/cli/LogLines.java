package com.saypro.monitor.core.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.util.Locale;

/**
 * Formats one log event as one line: logfmt ({@code ts=... level=info logger=X msg="..."}) or
 * JSON. Stack traces are added only when {@code withStackTraces} (at {@code --log.level=debug}).
 */
final class LogLines extends LayoutBase<ILoggingEvent> {
  private final LogFormat format;
  private final boolean withStackTraces;

  LogLines(LogFormat format, boolean withStackTraces) {
    this.format = format;
    this.withStackTraces = withStackTraces;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    String ts = Instant.ofEpochMilli(event.getTimeStamp()).toString();
    String level = event.getLevel().toString().toLowerCase(Locale.ROOT);
    String logger = shortName(event.getLoggerName());
    String msg = event.getFormattedMessage();
    IThrowableProxy error = event.getThrowableProxy();
    String err = error == null ? null : error.getClassName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    String trace = error != null && withStackTraces ? ThrowableProxyUtil.asString(error) : null;
    return format == LogFormat.JSON ? json(ts, level, logger, msg, err, trace) : logfmt(ts, level, logger, msg, err, trace);
  }

  private static String logfmt(String ts, String level, String logger, String msg, String err, String trace) {
    StringBuilder line = new StringBuilder(128);
    line.append("ts=").append(ts).append(" level=").append(level).append(" logger=").append(logger);
    line.append(" msg=").append(quote(msg));
    if (err != null) {
      line.append(" err=").append(quote(err));
    }
    if (trace != null) {
      line.append(" stack=").append(quote(trace));
    }
    return line.append('\n').toString();
  }

  private static String json(String ts, String level, String logger, String msg, String err, String trace) {
    StringBuilder line = new StringBuilder(128);
    line.append("{\"ts\":\"").append(ts).append("\",\"level\":\"").append(level)
        .append("\",\"logger\":\"").append(escapeJson(logger))
        .append("\",\"msg\":\"").append(escapeJson(msg)).append('"');
    if (err != null) {
      line.append(",\"err\":\"").append(escapeJson(err)).append('"');
    }
    if (trace != null) {
      line.append(",\"stack\":\"").append(escapeJson(trace)).append('"');
    }
    return line.append("}\n").toString();
  }

  private static String escapeJson(String text) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(text == null ? "null" : text));
  }

  /** logfmt value: bare when safe, otherwise quoted with \" \\ \n escaped. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    boolean bare = !text.isEmpty();
    for (int i = 0; i < text.length() && bare; i++) {
      char c = text.charAt(i);
      bare = c > ' ' && c != '"' && c != '=' && c != '\\' && c < 0x7f;
    }
    if (bare) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  private static String shortName(String logger) {
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }
}
