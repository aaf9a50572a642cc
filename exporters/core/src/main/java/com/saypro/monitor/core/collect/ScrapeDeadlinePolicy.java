package com.saypro.monitor.core.collect;

import java.time.Duration;

/**
 * Turns Prometheus' {@code X-Prometheus-Scrape-Timeout-Seconds} header into the time the collectors
 * get, leaving {@code offset} for encoding and sending the answer.
 *
 * <ul>
 *   <li>header missing, not a finite number, zero or negative: {@code defaultBudget} (10 s);
 *   <li>otherwise header minus offset, but never less than half the header (a scrape timeout
 *       smaller than the offset still gives the collectors time, and still answers in time);
 *   <li>never more than {@link #MAX_BUDGET}.
 * </ul>
 */
public record ScrapeDeadlinePolicy(Duration offset, Duration defaultBudget) {
  public static final String HEADER = "X-Prometheus-Scrape-Timeout-Seconds";
  public static final Duration MAX_BUDGET = Duration.ofMinutes(10);
  public static final ScrapeDeadlinePolicy DEFAULT =
      new ScrapeDeadlinePolicy(Duration.ofMillis(500), Duration.ofSeconds(10));

  public Duration budget(String headerValue) {
    double seconds;
    try {
      seconds = headerValue == null ? Double.NaN : Double.parseDouble(headerValue.trim());
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!Double.isFinite(seconds) || seconds <= 0) {
      return defaultBudget;
    }
    long headerNanos = (long) Math.min(seconds * 1e9, 2.0 * MAX_BUDGET.toNanos());
    long budget = Math.max(headerNanos - offset.toNanos(), headerNanos / 2);
    return Duration.ofNanos(Math.min(budget, MAX_BUDGET.toNanos()));
  }
}
