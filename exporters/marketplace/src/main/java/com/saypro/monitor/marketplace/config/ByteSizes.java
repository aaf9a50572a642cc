package com.saypro.monitor.marketplace.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as written in config: {@code 1048576}, {@code 512KiB}, {@code 2MiB}, {@code 1GiB}. */
final class ByteSizes {
  static final String HINT = "use a number of bytes or 512KiB, 2MiB, 1GiB";
  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})(B|KiB|MiB|GiB)?");

  private ByteSizes() {}

  static Optional<Long> parse(String text) {
    Matcher matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long number = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2);
    int shift = switch (unit) {
      case "KiB" -> 10;
      case "MiB" -> 20;
      case "GiB" -> 30;
      default -> 0;
    };
    return number > (Long.MAX_VALUE >> shift) ? Optional.empty() : Optional.of(number << shift);
  }
}
