package com.saypro.monitor.marketplace.journey;

import java.nio.charset.StandardCharsets;

/** How a value is written into each part of a request. */
final class Encoders {
  private Encoders() {}

  /**
   * Percent-encodes every byte except RFC 3986's unreserved characters, so any extracted value is
   * safe in a path segment or a query parameter.
   */
  static String url(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A value in a header: line breaks would start a new header, so they become spaces. */
  static String header(String value) {
    return value.replace('\r', ' ').replace('\n', ' ');
  }

  static String raw(String value) {
    return value;
  }
}
