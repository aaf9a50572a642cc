package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.util.Set;
import java.util.regex.Pattern;

/** Names that become label values: short, lower case, unique where they must be. */
final class Names {
  private static final Pattern LABEL_SAFE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private Names() {}

  /** Reads {@code name}, checks its form, and that {@code taken} does not hold it yet (then adds it). */
  static String read(ConfigNode item, Set<String> taken, String what) throws ConfigException {
    ConfigNode node = item.require("name");
    String name = node.asString();
    if (!LABEL_SAFE.matcher(name).matches()) {
      throw node.invalid("is not a valid " + what + " name (lower-case letters, digits and _, starting with a letter, at most 63)");
    }
    if (!taken.add(name)) {
      throw node.invalid("is used by another " + what + " (names must be unique)");
    }
    return name;
  }
}
