package com.saypro.monitor.marketplace.http;

import java.util.Locale;

/**
 * Why a request or a step failed: the fixed, bounded value set of the {@code reason} label.
 *
 * <ul>
 *   <li>{@code dns}: the host name did not resolve (no such name, no address, resolver error);
 *   <li>{@code connect}: no TCP connection (refused, unreachable), or the connection was closed or
 *       reset before the response ended;
 *   <li>{@code tls}: the TLS handshake failed or the certificate was not trusted for the host;
 *   <li>{@code timeout}: a phase ran past the step's or journey's deadline;
 *   <li>{@code status}: the answer was not an HTTP/1.x response (garbage), or its status code was
 *       not one the step expects;
 *   <li>{@code body_too_large}: the body was larger than {@code max_body};
 *   <li>{@code redirects}: more redirects than {@code max_redirects} (a redirect loop ends here);
 *   <li>{@code assertion}: a body, JSON or duration assertion failed, or a value to extract was not
 *       found.
 * </ul>
 */
public enum FailureReason {
  DNS,
  CONNECT,
  TLS,
  TIMEOUT,
  STATUS,
  BODY_TOO_LARGE,
  REDIRECTS,
  ASSERTION;

  /** The label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
