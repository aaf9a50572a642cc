package com.saypro.monitor.marketplace.http;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * What one request (with its redirects) gave: the final response, or the failure that ended it, and
 * in both cases the phases measured so far.
 *
 * @param head the last response's status and headers, or {@code null} when none was read
 * @param address the address of the last connection (or connection attempt), or {@code null} when
 *     none was tried
 * @param certificateExpiry the earliest {@code notAfter} of the certificate chain the last HTTPS
 *     server presented
 */
public record HttpResult(
    Optional<ProbeFailure> failure,
    ResponseHead head,
    byte[] body,
    URI finalUri,
    int redirects,
    PhaseTimings phases,
    long totalNanos,
    InetAddress address,
    Optional<Instant> certificateExpiry) {
  public boolean ok() {
    return failure.isEmpty();
  }

  /** The status code of the last response, or 0 when there was none. */
  public int status() {
    return head == null ? 0 : head.status();
  }

  /** The body as text (UTF-8; bodies are decoded only for assertions and extraction). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
