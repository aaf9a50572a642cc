package com.saypro.monitor.database.config;

import com.mysql.cj.conf.ConnectionUrl;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.util.Locale;
import java.util.Properties;

/**
 * What a target's JDBC URL may be: one of its engine, parseable by that engine's driver, and free of
 * credentials. A URL is shown on the landing page and may end up in a driver's error message, so a
 * password has no place in it: it comes from {@code password_file} or {@code password: ${ENV}}.
 */
final class JdbcUrlRules {
  private JdbcUrlRules() {}

  static void check(ConfigNode node, String url, Engine engine) throws ConfigException {
    if (carriesCredentials(url)) {
      // never quote the value: it holds the secret we are refusing
      throw node.error(
          "must not carry credentials (password=... or user:password@); give the password with"
              + " password_file or password: ${ENV} and the user with user");
    }
    if (!url.startsWith(engine.urlPrefix())) {
      throw node.invalid(
          "is not a " + engine.configName() + " JDBC URL (it must start with " + engine.urlPrefix() + "//)");
    }
    if (!parses(url, engine)) {
      throw node.invalid(
          "is not a valid " + engine.configName() + " JDBC URL (for example " + engine.urlPrefix()
              + "//127.0.0.1:" + (engine == Engine.POSTGRESQL ? "5432" : "3306") + "/dbname)");
    }
  }

  static boolean carriesCredentials(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.contains("password") || lower.contains("passwd")) {
      return true;
    }
    int start = url.indexOf("//");
    if (start < 0) {
      return false;
    }
    int end = url.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int at = url.indexOf(stop, start + 2);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return url.substring(start + 2, end).contains("@");
  }

  private static boolean parses(String url, Engine engine) {
    try {
      return switch (engine) {
        case POSTGRESQL -> org.postgresql.Driver.parseURL(url, new Properties()) != null;
        case MYSQL -> ConnectionUrl.acceptsUrl(url)
            && !ConnectionUrl.getConnectionUrlInstance(url, new Properties()).getHostsList().isEmpty();
      };
    } catch (RuntimeException e) {
      return false;
    }
  }
}
