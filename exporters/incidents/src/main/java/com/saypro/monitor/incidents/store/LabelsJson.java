package com.saypro.monitor.incidents.store;

import java.util.Map;

/**
 * Labels as the store's JSON column holds them: one object, sorted by name, escaped exactly as
 * Jackson's default writer escapes ({@code \"}, {@code \\}, the short escapes of {@code \b \t \n \f
 * \r}, a six-character unicode escape (upper-case hex) for other control characters, everything else as is), so rows written before
 * and after this class read the same. Written by hand because it runs 100 times per notification
 * (on the request's thread, when the alert is read), where a Jackson generator's per-call set-up
 * cost more than the writing; from {@link Labels}, already sorted.
 */
final class LabelsJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private LabelsJson() {}

  static String write(Map<String, String> labels) {
    return write(Labels.copyOf(labels));
  }

  /** Already sorted: written in order, into a builder sized for the text when nothing needs escaping. */
  static String write(Labels labels) {
    int length = 2;
    for (int i = 0; i < labels.size(); i++) {
      length += labels.name(i).length() + labels.value(i).length() + 6;
    }
    StringBuilder out = new StringBuilder(length);
    out.append('{');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(out, labels.name(i));
      out.append(':');
      string(out, labels.value(i));
    }
    return out.append('}').toString();
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    int plain = plainPrefix(text);
    if (plain == text.length()) {
      out.append(text); // nothing to escape, the usual case: one copy instead of a char at a time
      out.append('"');
      return;
    }
    out.append(text, 0, plain);
    for (int i = plain; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** How many characters at the start need no escape. */
  private static int plainPrefix(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return i;
      }
    }
    return text.length();
  }
}
