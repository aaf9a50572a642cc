package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.marketplace.http.TlsSettings;

/**
 * The {@code http} section: what every journey step and check inherits unless it says otherwise.
 *
 * @param maxBody the largest response body read (larger fails with {@code body_too_large})
 */
public record HttpDefaults(String userAgent, long maxBody, boolean followRedirects, int maxRedirects, TlsSettings tls) {
  public static final long DEFAULT_MAX_BODY = 2L << 20;
  public static final int DEFAULT_MAX_REDIRECTS = 10;
  public static final String DEFAULT_USER_AGENT = "SayPro-Monitor-Journeys/1.0";
}
