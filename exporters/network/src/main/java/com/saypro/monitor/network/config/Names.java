package com.saypro.monitor.network.config;

import com.google.re2j.Pattern;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.util.Set;

/** The names that become label values: short, bounded, unique within their list. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

  private Names() {}

  static String read(ConfigNode item, String key, Set<String> seen, String what) throws ConfigException {
    ConfigNode node = item.require(key);
    String name = node.asString();
    if (!NAME.matches(name)) {
      throw node.invalid("is not a valid " + what + " name (lower-case letters, digits, _ . -, at most 63)");
    }
    if (!seen.add(name)) {
      throw node.invalid("is used by another " + what + " (names must be unique)");
    }
    return name;
  }

  /** " (known: a, b)" or " (none configured: add them under dns.resolvers)". */
  static String known(java.util.List<String> names, String where) {
    return names.isEmpty() ? " (none configured: add them under " + where + ")" : " (known: " + String.join(", ", names) + ")";
  }
}
