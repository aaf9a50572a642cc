package com.saypro.monitor.network.config;

/**
 * A TCP connect or an HTTP(S) GET that must answer with a status below 400.
 *
 * @param path the HTTP request target; null for TCP
 */
public record HealthCheck(Kind kind, String host, int port, String path) {
  /** What the check does. */
  public enum Kind {
    TCP,
    HTTP,
    HTTPS
  }

  public String describe() {
    return switch (kind) {
      case TCP -> "tcp " + new Addresses.HostPort(host, port);
      case HTTP, HTTPS -> kind.name().toLowerCase(java.util.Locale.ROOT) + "://" + new Addresses.HostPort(host, port) + path;
    };
  }
}
