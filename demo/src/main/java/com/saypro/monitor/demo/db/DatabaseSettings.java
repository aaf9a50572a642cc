package com.saypro.monitor.demo.db;

import com.saypro.monitor.core.config.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the marketplace keeps its data.
 *
 * @param url JDBC URL without credentials
 * @param retryInterval how often an unreachable database is tried again
 */
public record DatabaseSettings(
    String url, Dialect dialect, String user, Optional<Secret> password, int poolSize,
    Duration connectTimeout, Duration retryInterval) {

  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/saypro_demo";

  public String address() {
    return dialect.address(url);
  }
}
