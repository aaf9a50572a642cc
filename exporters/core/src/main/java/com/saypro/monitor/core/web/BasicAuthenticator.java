package com.saypro.monitor.core.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a user name and password against {@code basic_auth_users} without revealing, by its
 * timing, which users exist: names are compared as SHA-256 digests in constant time, every
 * configured name is looked at, and an unknown user costs a bcrypt against a decoy hash of the
 * highest configured cost.
 */
final class BasicAuthenticator {
  private record User(byte[] nameDigest, BcryptHash hash) {}

  private final List<User> users;
  private final BcryptHash decoy;
  private final BcryptCache cache;

  BasicAuthenticator(BasicAuthUsers users, BcryptHash decoy, BcryptCache cache) {
    List<User> list = new ArrayList<>();
    for (Map.Entry<String, BcryptHash> entry : users.hashes().entrySet()) {
      list.add(new User(digest(entry.getKey()), entry.getValue()));
    }
    this.users = List.copyOf(list);
    this.decoy = decoy;
    this.cache = cache;
  }

  /** A bcrypt hash of a random password nobody knows, for users that do not exist. */
  static BcryptHash decoy(int cost, SecureRandom random) {
    byte[] password = new byte[32];
    random.nextBytes(password);
    byte[] hash = BCrypt.with(BCrypt.Version.VERSION_2Y, random, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2Y))
        .hash(cost, password);
    return BcryptHash.parse(new String(hash, StandardCharsets.US_ASCII)).orElseThrow();
  }

  boolean enabled() {
    return !users.isEmpty();
  }

  BcryptHash decoyHash() {
    return decoy;
  }

  boolean authenticate(String user, byte[] password) {
    byte[] given = digest(user);
    BcryptHash match = null;
    for (User candidate : users) {
      boolean same = MessageDigest.isEqual(candidate.nameDigest(), given);
      match = same ? candidate.hash() : match; // no early exit: every name costs the same
    }
    boolean known = match != null;
    boolean verified = cache.verify(user, known ? match : decoy, password);
    return known && verified;
  }

  private static byte[] digest(String name) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
