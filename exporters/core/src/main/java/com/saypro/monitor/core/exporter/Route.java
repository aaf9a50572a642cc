package com.saypro.monitor.core.exporter;

import org.eclipse.jetty.server.Handler;

/**
 * An extra endpoint an exporter serves next to {@code /metrics}, for example {@code /probe}. It sits
 * behind the same TLS, authentication and security headers as every other route.
 *
 * @param path an exact path such as {@code /probe}
 * @param description one line for the landing page
 */
public record Route(String path, String description, Handler handler) {
  public Route {
    if (!path.startsWith("/") || path.equals("/") || path.startsWith("/-/") || path.equals("/metrics")) {
      throw new IllegalArgumentException("route path " + path + " is reserved or invalid");
    }
  }
}
