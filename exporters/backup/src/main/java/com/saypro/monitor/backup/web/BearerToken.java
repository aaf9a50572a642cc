package com.saypro.monitor.backup.web;

import com.saypro.monitor.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Checks an Authorization header against a bearer token in constant time (over SHA-256 digests). */
final class BearerToken {
  private final byte[] expected;

  BearerToken(Secret token) {
    this.expected = digest("Bearer " + token.reveal());
  }

  boolean allows(String authorization) {
    return authorization != null && MessageDigest.isEqual(expected, digest(authorization));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
