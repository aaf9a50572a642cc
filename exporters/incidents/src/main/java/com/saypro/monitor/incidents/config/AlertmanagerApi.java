package com.saypro.monitor.incidents.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Alertmanager(s) whose silences acknowledge incidents.
 *
 * <pre>
 * alertmanager:
 *   urls: [http://127.0.0.1:9093]   # tried in order; a cluster shares its silences
 *   poll_interval: 30s
 *   timeout: 10s
 *   lookback: 24h                    # resolved, unacknowledged incidents still matched this long
 *   bearer_token_file: am.token      # optional, sent as Authorization: Bearer
 * </pre>
 */
public record AlertmanagerApi(
    List<URI> urls, Duration pollInterval, Duration timeout, Duration lookback, Optional<Secret> bearerToken) {
  public AlertmanagerApi {
    urls = List.copyOf(urls);
  }

  static Optional<AlertmanagerApi> read(ConfigNode root, SecretFiles files) throws ConfigException {
    Optional<ConfigNode> section = root.get("alertmanager");
    if (section.isEmpty()) {
      return Optional.empty();
    }
    ConfigNode node = section.get().asMap();
    List<URI> urls = new ArrayList<>();
    for (ConfigNode item : node.require("urls").items()) {
      String text = item.asString();
      URI uri;
      try {
        uri = URI.create(text.endsWith("/") ? text : text + "/");
      } catch (IllegalArgumentException e) {
        throw item.invalid("is not a URL");
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getUserInfo() != null || uri.getQuery() != null) {
        throw item.invalid("is not an http(s) URL of an Alertmanager (for example http://127.0.0.1:9093; credentials go in bearer_token_file)");
      }
      urls.add(uri);
    }
    if (urls.isEmpty()) {
      throw node.require("urls").error("must list at least one Alertmanager (or remove the alertmanager section)");
    }
    Duration interval = node.positiveDuration("poll_interval", Duration.ofSeconds(30));
    Duration timeout = node.positiveDuration("timeout", Duration.ofSeconds(10));
    Duration lookback = node.positiveDuration("lookback", Duration.ofHours(24));
    Optional<Secret> token = node.secret("bearer_token", files);
    return Optional.of(new AlertmanagerApi(urls, interval, timeout, lookback, token));
  }
}
