package com.saypro.monitor.demo;

import com.saypro.monitor.demo.logs.AccessLogLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only reader of nginx access logs, built from a {@code log_format} string the way a log
 * engine would: every {@code $variable} becomes a capture, everything else must match literally.
 * Run on {@link AccessLogLine#LOG_FORMAT}, it checks the demo writes what API.md documents.
 */
final class AccessLogParser {
  private static final Pattern VARIABLE = Pattern.compile("\\$([a-z_]+)");
  private final Pattern line;
  private final List<String> names = new ArrayList<>();

  AccessLogParser(String logFormat) {
    StringBuilder regex = new StringBuilder("^");
    Matcher variables = VARIABLE.matcher(logFormat);
    int last = 0;
    while (variables.find()) {
      String literal = logFormat.substring(last, variables.start());
      regex.append(Pattern.quote(literal));
      String name = variables.group(1);
      names.add(name);
      boolean quoted = literal.endsWith("\"");
      boolean bracketed = literal.endsWith("[");
      regex.append("(?<").append(name.replace("_", "")).append(">")
          .append(quoted ? "[^\"]*" : bracketed ? "[^\\]]+" : "\\S+").append(")");
      last = variables.end();
    }
    regex.append(Pattern.quote(logFormat.substring(last))).append("$");
    this.line = Pattern.compile(regex.toString());
  }

  Map<String, String> fields(String text) {
    Matcher matcher = line.matcher(text);
    if (!matcher.matches()) {
      throw new AssertionError("does not match the log_format: " + text);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : names) {
      fields.put(name, matcher.group(name.replace("_", "")));
    }
    return fields;
  }

  static Parsed parse(String text) {
    Map<String, String> f = new AccessLogParser(AccessLogLine.LOG_FORMAT).fields(text);
    return new Parsed(f.get("remote_addr"), f.get("time_local"), f.get("request"), Integer.parseInt(f.get("status")),
        Long.parseLong(f.get("body_bytes_sent")), f.get("http_referer"), f.get("http_user_agent"),
        Double.parseDouble(f.get("request_time")), f.get("upstream_addr"), f.get("upstream_response_time"),
        f.get("upstream_status"));
  }

  /** One parsed line. */
  record Parsed(String remoteAddr, String timeLocal, String request, int status, long bodyBytesSent, String referer,
      String userAgent, double requestTime, String upstreamAddr, String upstreamResponseTime, String upstreamStatus) {}
}
