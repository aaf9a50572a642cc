package com.saypro.monitor.sla;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** Number and duration formatting for PromQL and YAML that never shows float noise. */
final class Numbers {
  private Numbers() {}

  /** Rounds away binary noise: 14.4 * 0.001 is 0.0144, not 0.014400000000000001. */
  static double round(double value) {
    return new BigDecimal(value).round(new MathContext(10)).doubleValue();
  }

  /** The shortest plain decimal: 0.0144, 6, 99.9. */
  static String format(double value) {
    BigDecimal decimal = new BigDecimal(Double.toString(round(value))).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }

  /** A Prometheus duration in the largest whole unit: 30d, 6h, 5m, 90s. */
  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return "0s";
    }
    long[] units = {7 * 86400L, 86400L, 3600L, 60L, 1L};
    String[] names = {"w", "d", "h", "m", "s"};
    for (int i = 1; i < units.length; i++) { // weeks read badly in an SLA; days are the largest unit
      if (seconds % units[i] == 0) {
        return seconds / units[i] + names[i];
      }
    }
    throw new IllegalArgumentException("not a whole number of seconds: " + duration);
  }

  /** How Prometheus' client_java writes a bucket bound in the le label: 0.1, 0.25, 1.0. */
  static String le(double bound) {
    return Double.toString(bound);
  }
}
