package com.saypro.monitor.core.web;

import java.util.Map;
import java.util.stream.Collectors;

/** The {@code basic_auth_users} of a web config: user name to bcrypt hash. Empty means no authentication. */
record BasicAuthUsers(Map<String, BcryptHash> hashes) {
  static final BasicAuthUsers NONE = new BasicAuthUsers(Map.of());

  BasicAuthUsers {
    hashes = Map.copyOf(hashes);
  }

  boolean enabled() {
    return !hashes.isEmpty();
  }

  /** The highest cost among the hashes: the decoy for unknown users must cost at least as much. */
  int maxCost() {
    return hashes.values().stream().mapToInt(BcryptHash::cost).max().orElse(10);
  }

  @Override
  public String toString() {
    return "BasicAuthUsers" + hashes.keySet().stream().sorted().collect(Collectors.joining(", ", "[", "]"));
  }
}
