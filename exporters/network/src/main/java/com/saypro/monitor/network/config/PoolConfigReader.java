package com.saypro.monitor.network.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code pools}: each a service address and its backends, checked by TCP or HTTP. */
final class PoolConfigReader {
  List<PoolConfig> pools(ConfigNode root) throws ConfigException {
    Set<String> names = new HashSet<>();
    return root.list("pools", item -> pool(item.asMap(), names));
  }

  private static PoolConfig pool(ConfigNode map, Set<String> names) throws ConfigException {
    String name = Names.read(map, "name", names, "pool");
    String where = " (pool \"" + name + "\")";
    HealthCheck service = check(map.require("service").asMap(), where);
    Set<String> backendNames = new HashSet<>();
    List<PoolConfig.Backend> backends = map.list("backends", b -> {
      ConfigNode backend = b.asMap();
      String backendName = Names.read(backend, "name", backendNames, "backend");
      return new PoolConfig.Backend(backendName, check(backend, where));
    });
    if (backends.isEmpty()) {
      throw map.error("pool \"" + name + "\" has no backends (list at least one under \"backends\")");
    }
    int capacity = map.integer("capacity", 1, 1, backends.size());
    int required = map.integer("required", Math.min(capacity + 1, Math.max(backends.size(), 1)), 1, backends.size());
    Duration interval = map.positiveDuration("interval", Duration.ofSeconds(10));
    Duration timeout = map.positiveDuration("timeout", Duration.ofSeconds(2));
    return new PoolConfig(name, service, backends, required, interval, timeout);
  }

  /** A map with exactly one of {@code tcp: host:port} or {@code http: URL}. */
  private static HealthCheck check(ConfigNode map, String where) throws ConfigException {
    Optional<ConfigNode> tcp = map.get("tcp");
    Optional<ConfigNode> http = map.get("http");
    if (tcp.isPresent() == http.isPresent()) {
      throw map.error("set one of \"tcp\" (host:port) or \"http\" (URL)" + where);
    }
    if (tcp.isPresent()) {
      Addresses.HostPort hp = Addresses.hostAndPort(tcp.get().asString())
          .orElseThrow(() -> tcp.get().invalid("is not host:port" + where + " (use 10.0.0.5:443 or web1.example.com:80)"));
      return new HealthCheck(HealthCheck.Kind.TCP, hp.host(), hp.port(), null);
    }
    ConfigNode node = http.get();
    URI uri;
    try {
      uri = new URI(node.asString());
    } catch (URISyntaxException e) {
      throw node.invalid("is not a URL" + where);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
      throw node.invalid("is not an http:// or https:// URL with a host and no credentials" + where);
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new HealthCheck(scheme.equals("https") ? HealthCheck.Kind.HTTPS : HealthCheck.Kind.HTTP, host, port, path);
  }
}
