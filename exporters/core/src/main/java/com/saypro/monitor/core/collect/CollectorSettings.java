package com.saypro.monitor.core.collect;

import java.time.Duration;

/**
 * How one collector runs, from the {@code collectors:} section of an exporter's config.
 *
 * @param minInterval results younger than this are served from cache (zero: collect every scrape)
 * @param timeout how long one collection may run; zero means the scrape's own deadline
 */
public record CollectorSettings(boolean enabled, Duration minInterval, Duration timeout) {
  public boolean cached() {
    return !minInterval.isZero();
  }
}
