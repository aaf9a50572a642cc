package com.saypro.monitor.marketplace.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two ways config names a value in a JSON body: an RFC 6901 JSON pointer ({@code
 * /results/0/id}, Jackson's {@link JsonPointer}) or the small dotted path the demo's API
 * documentation uses ({@code $.results[0].id}: {@code $}, then {@code .name} and {@code [index]}
 * segments, names of letters, digits, {@code _} and {@code -}). Both become a pointer.
 */
final class JsonPaths {
  static final String HINT = "use a JSON pointer like /results/0/id or a path like $.results[0].id";
  private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[(\\d{1,9})]");

  private JsonPaths() {}

  static Optional<JsonPointer> parse(String text) {
    if (text.startsWith("/")) {
      try {
        return Optional.of(JsonPointer.compile(text));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    if (!text.startsWith("$")) {
      return Optional.empty();
    }
    StringBuilder pointer = new StringBuilder();
    Matcher matcher = SEGMENT.matcher(text);
    int position = 1;
    while (position < text.length()) {
      if (!matcher.find(position) || matcher.start() != position) {
        return Optional.empty();
      }
      String segment = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
      position = matcher.end();
    }
    return Optional.of(JsonPointer.compile(pointer.toString()));
  }
}
