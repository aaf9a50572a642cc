package com.saypro.monitor.core.web;

import java.util.Map;
import java.util.Optional;

/**
 * What every request is held to under one web config: the headers to add, the rate limit and the
 * users. Built whole from a {@link WebConfig} and swapped atomically on reload.
 */
record AccessPolicy(
    Map<String, String> headers, Optional<RequestRateLimiter> rateLimiter, BasicAuthenticator authenticator) {
  AccessPolicy {
    headers = Map.copyOf(headers);
  }
}
