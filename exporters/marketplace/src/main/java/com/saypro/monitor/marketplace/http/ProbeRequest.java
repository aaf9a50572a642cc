package com.saypro.monitor.marketplace.http;

import java.net.URI;
import java.util.List;

/**
 * One HTTP request to send, with the limits that keep it bounded.
 *
 * @param body the request body, or {@code null} for none
 * @param maxBody the largest response body accepted (larger fails with {@code body_too_large})
 * @param maxRedirects redirects followed before failing with {@code redirects}; 0 with {@code
 *     followRedirects} false returns the redirect itself
 */
public record ProbeRequest(
    String method,
    URI uri,
    List<Header> headers,
    byte[] body,
    long maxBody,
    boolean followRedirects,
    int maxRedirects,
    TlsSettings tls) {
  public ProbeRequest {
    headers = List.copyOf(headers);
  }

  public static ProbeRequest get(URI uri, TlsSettings tls) {
    return new ProbeRequest("GET", uri, List.of(), null, 2 << 20, true, 10, tls);
  }
}
