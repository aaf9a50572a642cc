package com.saypro.monitor.incidents.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may call one of the exporter's write endpoints: a bearer token, a basic-auth user, or (only
 * when written out explicitly) anyone. Comparison is in constant time over SHA-256 digests, so
 * neither the content nor the length of the secret leaks through timing. This sits in addition to
 * the core's web config, which guards every route of the process.
 *
 * <pre>
 * auth:
 *   bearer_token_file: webhook.token
 *   # or: basic_auth: {username: alertmanager, password_file: webhook.password}
 *   # or: unauthenticated: true
 * </pre>
 */
public final class RouteAuth {
  private final String description;
  private final byte[] expectedDigest; // null: anyone may call

  private RouteAuth(String description, byte[] expectedDigest) {
    this.description = description;
    this.expectedDigest = expectedDigest;
  }

  public static RouteAuth anyone() {
    return new RouteAuth("unauthenticated", null);
  }

  public static RouteAuth bearer(Secret token) {
    return new RouteAuth("bearer token", digest("Bearer " + token.reveal()));
  }

  public static RouteAuth basic(String username, Secret password) {
    String encoded = Base64.getEncoder().encodeToString(
        (username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    return new RouteAuth("basic auth as " + username, digest("Basic " + encoded));
  }

  /** Reads an {@code auth} section; {@code where} names the endpoint in messages. */
  public static RouteAuth read(ConfigNode auth, SecretFiles files) throws ConfigException {
    ConfigNode node = auth.asMap();
    boolean anyone = node.bool("unauthenticated", false);
    Optional<Secret> token = node.secret("bearer_token", files);
    Optional<ConfigNode> basic = node.get("basic_auth");
    int chosen = (anyone ? 1 : 0) + (token.isPresent() ? 1 : 0) + (basic.isPresent() ? 1 : 0);
    if (chosen != 1) {
      throw node.error("set exactly one of bearer_token_file, basic_auth or unauthenticated: true");
    }
    if (anyone) {
      return anyone();
    }
    if (token.isPresent()) {
      if (token.get().isEmpty()) {
        throw node.error("the bearer token is empty");
      }
      return bearer(token.get());
    }
    ConfigNode basicNode = basic.get().asMap();
    String username = basicNode.requireString("username");
    if (username.contains(":")) {
      throw basicNode.require("username").invalid("must not contain \":\"");
    }
    Secret password = basicNode.secret("password", files)
        .orElseThrow(() -> basicNode.error("missing required key \"password_file\" (or \"password\")"));
    if (password.isEmpty()) {
      throw basicNode.error("the password is empty");
    }
    return basic(username, password);
  }

  /** Whether a request with this {@code Authorization} header (possibly null) may pass. */
  public boolean allows(String authorizationHeader) {
    if (expectedDigest == null) {
      return true;
    }
    byte[] given = digest(authorizationHeader == null ? "" : authorizationHeader.trim());
    return MessageDigest.isEqual(given, expectedDigest);
  }

  /** The scheme to name in {@code WWW-Authenticate}. */
  public String scheme() {
    return description.startsWith("basic") ? "Basic" : "Bearer";
  }

  public boolean open() {
    return expectedDigest == null;
  }

  /** For the landing page: the kind of authentication, never the secret. */
  @Override
  public String toString() {
    return description;
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
