package com.saypro.monitor.demo.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One access log line, written exactly as nginx writes it with the demo's format:
 *
 * <pre>
 * log_format saypro '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
 *                   '"$http_referer" "$http_user_agent" $request_time $upstream_addr '
 *                   '$upstream_response_time $upstream_status';
 * </pre>
 *
 * <p>Times are seconds with millisecond resolution, as nginx prints them; an absent upstream is
 * {@code -}. Strings are escaped like nginx's {@code escape=default}.
 */
public record AccessLogLine(
    String remoteAddr,
    Instant time,
    String method,
    String uri,
    String protocol,
    int status,
    long bodyBytesSent,
    String referer,
    String userAgent,
    long requestTimeMicros,
    String upstreamAddr,
    long upstreamResponseTimeMicros,
    int upstreamStatus) {

  /** The nginx {@code log_format} this class writes; documented in demo/API.md. */
  public static final String LOG_FORMAT =
      "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
          + "\"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr "
          + "$upstream_response_time $upstream_status";

  /** Marks an absent upstream (the front answered itself). */
  public static final int NO_UPSTREAM = -1;

  private static final DateTimeFormatter TIME_LOCAL =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  public String format(ZoneId zone) {
    StringBuilder line = new StringBuilder(200);
    line.append(remoteAddr).append(" - - [").append(TIME_LOCAL.format(time.atZone(zone))).append("] \"");
    escape(method + " " + uri + " " + protocol, line);
    line.append("\" ").append(status).append(' ').append(bodyBytesSent).append(" \"");
    escape(orDash(referer), line);
    line.append("\" \"");
    escape(orDash(userAgent), line);
    line.append("\" ").append(seconds(requestTimeMicros)).append(' ');
    if (upstreamAddr == null) {
      line.append("- - -");
    } else {
      line.append(upstreamAddr).append(' ')
          .append(upstreamResponseTimeMicros < 0 ? "-" : seconds(upstreamResponseTimeMicros)).append(' ')
          .append(upstreamStatus < 0 ? "-" : Integer.toString(upstreamStatus));
    }
    return line.toString();
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  /** nginx prints times as seconds with three decimals, truncating below the millisecond. */
  static String seconds(long micros) {
    long millis = Math.max(0, micros) / 1000;
    return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
  }

  /** nginx's default escaping: {@code "}, {@code \} and bytes outside 0x20..0x7e as {@code \xHH}. */
  static void escape(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
        out.append("\\x").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      } else {
        out.append((char) c);
      }
    }
  }
}
