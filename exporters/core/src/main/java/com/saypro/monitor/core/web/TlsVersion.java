package com.saypro.monitor.core.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A TLS version as exporter-toolkit names it ({@code TLS12}) and as JSSE names it ({@code TLSv1.2}). */
enum TlsVersion {
  TLS10("TLSv1"),
  TLS11("TLSv1.1"),
  TLS12("TLSv1.2"),
  TLS13("TLSv1.3");

  static final String ALLOWED = "TLS10, TLS11, TLS12, TLS13";

  private final String jsseName;

  TlsVersion(String jsseName) {
    this.jsseName = jsseName;
  }

  String jsseName() {
    return jsseName;
  }

  static Optional<TlsVersion> parse(String text) {
    for (TlsVersion version : values()) {
      if (version.name().equals(text)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** The JSSE protocol names from {@code min} to {@code max}, both included. */
  static List<String> range(TlsVersion min, TlsVersion max) {
    List<String> names = new ArrayList<>();
    for (TlsVersion version : values()) {
      if (version.compareTo(min) >= 0 && version.compareTo(max) <= 0) {
        names.add(version.jsseName);
      }
    }
    return List.copyOf(names);
  }
}
