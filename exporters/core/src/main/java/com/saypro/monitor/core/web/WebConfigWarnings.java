package com.saypro.monitor.core.web;

import java.security.Security;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per exporter, about settings that are accepted for compatibility with
 * exporter-toolkit but that this Java server cannot honour as written.
 */
final class WebConfigWarnings {
  private static final Logger log = LoggerFactory.getLogger(WebSecurity.class);

  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  void check(WebConfig config) {
    if (config.tls().isEmpty()) {
      return;
    }
    TlsSettings tls = config.tls().get();
    if (!tls.curvePreferences().isEmpty() && warned.add("curves")) {
      log.warn("tls_server_config.curve_preferences is not applied: Java 17 cannot set named groups per"
          + " server; set them for the whole JVM with -Djdk.tls.namedGroups=... (see docs/web-config.md)");
    }
    if (tls.minVersion().compareTo(TlsVersion.TLS12) < 0 && warned.add("old-tls")) {
      String disabled = String.valueOf(Security.getProperty("jdk.tls.disabledAlgorithms"));
      if (disabled.contains("TLSv1.1") || disabled.contains("TLSv1,") || disabled.endsWith("TLSv1")) {
        log.warn("tls_server_config.min_version is {} but this JVM disables TLS 1.0 and 1.1"
            + " (jdk.tls.disabledAlgorithms): clients will need TLS 1.2 or later", tls.minVersion());
      }
    }
  }
}
