package com.saypro.monitor.network.pools;

import java.util.Map;

/**
 * One check of a pool: each backend up or down, the service address up or down.
 *
 * @param backends by backend name, in config order
 */
public record PoolStatus(Map<String, Boolean> backends, boolean serviceUp, int required) {
  public int healthy() {
    return (int) backends.values().stream().filter(Boolean::booleanValue).count();
  }

  /** One healthy backend left (or none), or fewer than required: the next failure is an outage. */
  public boolean redundancyLost() {
    return healthy() <= 1 || healthy() < required;
  }
}
