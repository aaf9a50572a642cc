package com.saypro.monitor.network.config;

import java.time.Duration;
import java.util.List;

/**
 * A load-balanced pool: backends behind one service address.
 *
 * @param required the healthy backends the pool needs (capacity + 1 by default: N+1)
 */
public record PoolConfig(
    String name, HealthCheck service, List<Backend> backends, int required, Duration interval, Duration timeout) {
  /** One backend of the pool. */
  public record Backend(String name, HealthCheck check) {}
}
