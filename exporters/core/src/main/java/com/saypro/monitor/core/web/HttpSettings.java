package com.saypro.monitor.core.web;

import java.util.Map;

/**
 * {@code http_server_config}: the response headers to add, and the {@code http2} flag (accepted for
 * compatibility; our server speaks HTTP/1.1 only, see docs/web-config.md).
 */
record HttpSettings(boolean http2, Map<String, String> headers) {
  static final HttpSettings DEFAULT = new HttpSettings(true, Map.of());

  HttpSettings {
    headers = Map.copyOf(headers);
  }
}
