package com.saypro.monitor.core.web;

import com.saypro.monitor.core.http.Responses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of every route: adds the configured response headers (to 401s and 404s too), applies
 * the rate limit, and when users are configured lets a request through only with valid basic auth
 * credentials. Reads the current policy per request, so a reload takes effect at once and a failed
 * reload leaves the previous policy in force.
 */
final class AuthHandler extends Handler.Wrapper {
  static final String CHALLENGE = "Basic realm=\"SayPro Monitor\"";

  private final Supplier<AccessPolicy> policy;
  private final AuthFailures failures;

  AuthHandler(Handler routes, Supplier<AccessPolicy> policy, AuthFailures failures) {
    super(routes);
    this.policy = policy;
    this.failures = failures;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    AccessPolicy current = policy.get();
    for (Map.Entry<String, String> header : current.headers().entrySet()) {
      response.getHeaders().put(header.getKey(), header.getValue());
    }
    if (current.rateLimiter().isPresent() && !current.rateLimiter().get().tryAcquire()) {
      return Responses.text(response, callback, 429, "429 Too Many Requests");
    }
    if (!current.authenticator().enabled()) {
      return super.handle(request, response, callback);
    }
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (authorization == null) {
      return refuse(AuthFailures.Reason.MISSING, response, callback);
    }
    if (!valid(current.authenticator(), authorization)) {
      return refuse(AuthFailures.Reason.INVALID, response, callback);
    }
    return super.handle(request, response, callback);
  }

  private static boolean valid(BasicAuthenticator authenticator, String authorization) {
    if (authorization.length() < 6 || !authorization.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = indexOf(decoded, (byte) ':');
    if (colon < 0) {
      return false;
    }
    String user = new String(decoded, 0, colon, StandardCharsets.UTF_8);
    byte[] password = java.util.Arrays.copyOfRange(decoded, colon + 1, decoded.length);
    return authenticator.authenticate(user, password);
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private boolean refuse(AuthFailures.Reason reason, Response response, Callback callback) {
    failures.record(reason);
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
    return Responses.text(response, callback, 401, "401 Unauthorized");
  }
}
