package com.saypro.monitor.core.config;

import java.util.Objects;

/**
 * A password, token or key read from a {@code *_file} key or an environment variable. Its
 * {@link #toString()} never reveals the value, so a secret printed by accident in a log, a page or
 * an exception message shows as {@code <secret>}.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value itself; call only where it is handed to the system that needs it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "<secret>";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && java.security.MessageDigest.isEqual(
        s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0; // never derive anything observable from the value
  }
}
