package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.marketplace.http.TlsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Reads a {@code tls} section ({@code ca_file}, {@code insecure_skip_verify}); an absent one
 * inherits. The CA file is read at start-up, so a missing or broken file stops start-up.
 */
final class TlsReader {
  private TlsReader() {}

  static TlsSettings read(ConfigNode parent, Path configDirectory, TlsSettings inherited) throws ConfigException {
    Optional<ConfigNode> section = parent.get("tls");
    if (section.isEmpty()) {
      return inherited;
    }
    ConfigNode tls = section.get().asMap();
    boolean insecure = tls.bool("insecure_skip_verify", false);
    Optional<ConfigNode> caFile = tls.get("ca_file");
    if (insecure && caFile.isPresent()) {
      throw tls.error("set either \"ca_file\" or \"insecure_skip_verify\", not both");
    }
    if (insecure) {
      return TlsSettings.insecure();
    }
    if (caFile.isEmpty()) {
      return TlsSettings.systemDefault();
    }
    Path file = configDirectory.resolve(caFile.get().asString());
    try {
      return TlsSettings.trusting(file);
    } catch (IOException e) {
      throw caFile.get().invalid("cannot be read (" + e.getClass().getSimpleName() + ")");
    } catch (GeneralSecurityException e) {
      throw caFile.get().invalid("holds no valid PEM certificate");
    }
  }
}
