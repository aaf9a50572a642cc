package com.saypro.monitor.core.web;

import java.util.Optional;

/**
 * One web config file, read whole and validated: TLS (if configured), response headers, users and
 * rate limit. Swapped as a unit on reload, so a request never sees half of two configs.
 */
record WebConfig(
    Optional<TlsSettings> tls, HttpSettings http, BasicAuthUsers users, Optional<RateLimit> rateLimit) {
  /** No file: plain HTTP, no headers, no authentication. */
  static final WebConfig NONE =
      new WebConfig(Optional.empty(), HttpSettings.DEFAULT, BasicAuthUsers.NONE, Optional.empty());
}
