package com.saypro.monitor.network.config;

import java.util.Optional;

/** Link speeds as written on the box ({@code 1Gbit}, {@code 100Mbit}), in bytes per second. */
public final class LinkSpeed {
  private LinkSpeed() {}

  public static Optional<Double> parse(String text) {
    String[][] units = {{"Tbit", "1e12"}, {"Gbit", "1e9"}, {"Mbit", "1e6"}, {"Kbit", "1e3"}, {"bit", "1"}};
    for (String[] unit : units) {
      if (text.endsWith(unit[0])) {
        return number(text.substring(0, text.length() - unit[0].length())).map(n -> n * Double.parseDouble(unit[1]) / 8);
      }
    }
    return number(text);
  }

  private static Optional<Double> number(String text) {
    if (!text.matches("[0-9]+(\\.[0-9]+)?")) {
      return Optional.empty();
    }
    double value = Double.parseDouble(text);
    return value > 0 ? Optional.of(value) : Optional.empty();
  }
}
