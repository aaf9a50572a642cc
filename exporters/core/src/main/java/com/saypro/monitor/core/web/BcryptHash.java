package com.saypro.monitor.core.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bcrypt hash from {@code basic_auth_users}, checked to be one when the config is read. Its
 * {@link #toString()} never shows the hash: an offline attack on a leaked hash is the one thing
 * bcrypt only slows down.
 */
record BcryptHash(String value, BCrypt.Version version, int cost) {
  /** What htpasswd, Go's x/crypto/bcrypt and Python's bcrypt write: $2a$, $2b$ or $2y$. */
  private static final Pattern FORMAT = Pattern.compile("\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}");

  static final String EXPECTED =
      "is not a bcrypt hash ($2a$, $2b$ or $2y$, a cost from 04 to 31 and 53 more characters;"
          + " make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n')";

  /** Parses a hash, or returns empty when it is not a bcrypt hash we can verify. */
  static Optional<BcryptHash> parse(String text) {
    if (!FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      BCrypt.HashData data = BCrypt.Version.VERSION_2A.parser.parse(text.getBytes(StandardCharsets.US_ASCII));
      if (data.cost < BCrypt.MIN_COST || data.cost > BCrypt.MAX_COST) {
        return Optional.empty();
      }
      return Optional.of(new BcryptHash(text, data.version, data.cost));
    } catch (IllegalBCryptFormatException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  byte[] bytes() {
    return value.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "<bcrypt hash, cost " + cost + ">";
  }
}
