package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.marketplace.Buckets;
import com.saypro.monitor.marketplace.http.IpLiteral;
import com.saypro.monitor.marketplace.http.TlsSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the exporter's own keys into a {@link MarketplaceConfig}:
 *
 * <pre>
 * start_delay: 1s                    # first background runs this long after start
 * dns_server: 127.0.0.1:53           # ask this server directly (default: the system resolver)
 * duration_buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
 * http:
 *   user_agent: SayPro-Monitor-Journeys/1.0
 *   max_body: 2MiB
 *   follow_redirects: true
 *   max_redirects: 10
 *   tls: {ca_file: ca.pem}           # or insecure_skip_verify: true
 * journeys: [...]                    # see JourneyReader
 * availability: {...}                # see AvailabilityReader
 * </pre>
 */
public final class MarketplaceConfigReader {
  private final Path configDirectory;

  public MarketplaceConfigReader(Path configDirectory) {
    this.configDirectory = configDirectory;
  }

  public MarketplaceConfig read(ConfigNode root) throws ConfigException {
    Duration startDelay = root.duration("start_delay", Duration.ofSeconds(1));
    Optional<InetSocketAddress> dnsServer = root.has("dns_server")
        ? Optional.of(dnsServer(root.require("dns_server")))
        : Optional.empty();
    double[] buckets = buckets(root);
    HttpDefaults http = http(root);
    return new MarketplaceConfig(
        startDelay,
        dnsServer,
        buckets,
        http,
        new JourneyReader(http, configDirectory).read(root),
        new AvailabilityReader(http, configDirectory).read(root));
  }

  private HttpDefaults http(ConfigNode root) throws ConfigException {
    ConfigNode http = root.get("http").orElse(null);
    if (http == null) {
      return new HttpDefaults(HttpDefaults.DEFAULT_USER_AGENT, HttpDefaults.DEFAULT_MAX_BODY, true,
          HttpDefaults.DEFAULT_MAX_REDIRECTS, TlsSettings.systemDefault());
    }
    http = http.asMap();
    String userAgent = http.string("user_agent", HttpDefaults.DEFAULT_USER_AGENT);
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw http.require("user_agent").invalid("must be one line of printable text");
    }
    long maxBody = http.has("max_body") ? RequestReader.size(http.require("max_body"), "") : HttpDefaults.DEFAULT_MAX_BODY;
    return new HttpDefaults(
        userAgent,
        maxBody,
        http.bool("follow_redirects", true),
        http.integer("max_redirects", HttpDefaults.DEFAULT_MAX_REDIRECTS, 0, 100),
        TlsReader.read(http, configDirectory, TlsSettings.systemDefault()));
  }

  private static InetSocketAddress dnsServer(ConfigNode node) throws ConfigException {
    String text = node.asString();
    int colon = text.lastIndexOf(':');
    String host = colon > 0 && !text.endsWith("]") ? text.substring(0, colon) : text;
    int port = 53;
    if (colon > 0 && !text.endsWith("]")) {
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    Optional<InetAddress> address = IpLiteral.parse(host);
    if (address.isEmpty() || port < 1 || port > 65535) {
      throw node.invalid("is not an IP address with an optional port (use 127.0.0.1:53 or [::1]:53)");
    }
    return new InetSocketAddress(address.get(), port);
  }

  private static double[] buckets(ConfigNode root) throws ConfigException {
    Optional<ConfigNode> node = root.get("duration_buckets");
    if (node.isEmpty()) {
      return Buckets.DEFAULT_BOUNDS.clone();
    }
    List<ConfigNode> items = node.get().items();
    if (items.isEmpty()) {
      throw node.get().error("must list at least one bucket bound (seconds)");
    }
    double[] bounds = new double[items.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = items.get(i).asDouble(1e-6, 3600);
      if (i > 0 && bounds[i] <= bounds[i - 1]) {
        throw items.get(i).invalid("must be larger than the bound before it (list bounds in increasing order)");
      }
    }
    return bounds;
  }
}
