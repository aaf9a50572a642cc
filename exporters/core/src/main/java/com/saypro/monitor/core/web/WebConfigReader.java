package com.saypro.monitor.core.web;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigLoader;
import com.saypro.monitor.core.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a web config file in exporter-toolkit's format into a {@link WebConfig}. Every message
 * names the file, line and YAML path; hashes and keys are never quoted.
 */
final class WebConfigReader {
  /** The headers exporter-toolkit lets a user set, with the values allowed (empty: any value). */
  static final Map<String, List<String>> ALLOWED_HEADERS = allowedHeaders();

  private final ConfigLoader loader;
  private final PemFiles pem;
  private final Set<String> supportedCipherSuites;

  WebConfigReader(ConfigLoader loader, PemFiles pem, Set<String> supportedCipherSuites) {
    this.loader = loader;
    this.pem = pem;
    this.supportedCipherSuites = supportedCipherSuites;
  }

  WebConfig read(Path file) throws ConfigException {
    ConfigNode root = loader.load(file);
    Path base = file.toAbsolutePath().getParent();
    TlsSettingsReader.Pending tls =
        new TlsSettingsReader(base, pem, supportedCipherSuites).read(root.get("tls_server_config"));
    HttpSettings http = http(root.get("http_server_config"));
    BasicAuthUsers users = users(root.get("basic_auth_users"));
    Optional<RateLimit> rateLimit = rateLimit(root.get("rate_limit"));
    root.rejectUnknownKeys();
    return new WebConfig(tls.load(), http, users, rateLimit);
  }

  private static HttpSettings http(Optional<ConfigNode> section) throws ConfigException {
    if (section.isEmpty()) {
      return HttpSettings.DEFAULT;
    }
    ConfigNode http = section.get().asMap();
    boolean http2 = http.bool("http2", true);
    Map<String, String> headers = new LinkedHashMap<>();
    Optional<ConfigNode> headersNode = http.get("headers");
    if (headersNode.isPresent()) {
      for (Map.Entry<String, ConfigNode> entry : headersNode.get().asMap().entries().entrySet()) {
        headers.put(entry.getKey(), header(entry.getKey(), entry.getValue()));
      }
    }
    return new HttpSettings(http2, headers);
  }

  private static String header(String name, ConfigNode node) throws ConfigException {
    List<String> allowedValues = ALLOWED_HEADERS.get(name);
    if (allowedValues == null) {
      throw node.error("this header cannot be configured (allowed: " + String.join(", ", ALLOWED_HEADERS.keySet()) + ")");
    }
    String value = node.asString();
    if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
      throw node.invalid("is not one of " + String.join(", ", allowedValues));
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw node.invalid("contains a control character, which a header value cannot hold");
    }
    return value;
  }

  private static BasicAuthUsers users(Optional<ConfigNode> section) throws ConfigException {
    if (section.isEmpty()) {
      return BasicAuthUsers.NONE;
    }
    Map<String, BcryptHash> hashes = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : section.get().asMap().entries().entrySet()) {
      ConfigNode node = entry.getValue();
      if (entry.getKey().indexOf(':') >= 0) {
        throw node.error("a user name cannot contain ':' (HTTP basic auth splits user and password at the first ':')");
      }
      if (node.kind() != ConfigNode.Kind.SCALAR) {
        throw node.error("must be a bcrypt hash, not a map or list");
      }
      // node.error, never node.invalid: the value is not shown, whatever it is
      BcryptHash hash = BcryptHash.parse(node.asString()).orElseThrow(() -> node.error(BcryptHash.EXPECTED));
      hashes.put(entry.getKey(), hash);
    }
    return new BasicAuthUsers(hashes);
  }

  private static Optional<RateLimit> rateLimit(Optional<ConfigNode> section) throws ConfigException {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    ConfigNode limit = section.get().asMap();
    int burst = limit.integer("burst", 0, 0, 1_000_000);
    Duration interval = limit.duration("interval", Duration.ZERO);
    if (interval.isZero()) {
      return Optional.empty(); // exporter-toolkit: no interval, no limiter
    }
    if (burst == 0) {
      throw limit.error("burst must be at least 1 when interval is set (with 0 every request would be refused)");
    }
    return Optional.of(new RateLimit(interval, burst));
  }

  private static Map<String, List<String>> allowedHeaders() {
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    allowed.put("Content-Security-Policy", List.of());
    allowed.put("Strict-Transport-Security", List.of());
    allowed.put("X-Content-Type-Options", List.of("nosniff"));
    allowed.put("X-Frame-Options", List.of("deny", "sameorigin"));
    allowed.put("X-XSS-Protection", List.of());
    return java.util.Collections.unmodifiableMap(allowed);
  }
}
