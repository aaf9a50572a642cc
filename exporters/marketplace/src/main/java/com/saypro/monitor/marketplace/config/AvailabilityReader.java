package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.marketplace.availability.AvailabilityCheck;
import com.saypro.monitor.marketplace.http.Header;
import com.saypro.monitor.marketplace.journey.JourneyStep;
import com.saypro.monitor.marketplace.journey.StepExpectations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code availability} section: defaults for every check, then the list of checks, each
 * of which may override them.
 *
 * <pre>
 * availability:
 *   interval: 30s
 *   timeout: 5s           # per attempt
 *   retries: 1            # a failed attempt is retried once before the target counts as down
 *   retry_delay: 1s
 *   checks:
 *     - name: gateway
 *       url: http://127.0.0.1:8482/health
 *       expect: {status: 200, json: {$.status: ok}}
 *       all_addresses: true # check every address the host resolves to
 * </pre>
 */
final class AvailabilityReader {
  private final HttpDefaults defaults;
  private final Path configDirectory;

  AvailabilityReader(HttpDefaults defaults, Path configDirectory) {
    this.defaults = defaults;
    this.configDirectory = configDirectory;
  }

  List<AvailabilityCheck> read(ConfigNode root) throws ConfigException {
    Optional<ConfigNode> section = root.get("availability");
    if (section.isEmpty()) {
      return List.of();
    }
    ConfigNode node = section.get().asMap();
    Duration interval = node.positiveDuration("interval", Duration.ofSeconds(30));
    Duration timeout = node.positiveDuration("timeout", Duration.ofSeconds(5));
    int retries = node.integer("retries", 1, 0, 10);
    Duration retryDelay = node.duration("retry_delay", Duration.ofSeconds(1));
    List<AvailabilityCheck> checks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Optional<ConfigNode> list = node.get("checks");
    if (list.isPresent()) {
      for (ConfigNode item : list.get().items()) {
        checks.add(check(item.asMap(), names, interval, timeout, retries, retryDelay));
      }
    }
    return checks;
  }

  private AvailabilityCheck check(
      ConfigNode node, Set<String> names, Duration interval, Duration timeout, int retries, Duration retryDelay)
      throws ConfigException {
    String name = Names.read(node, names, "check");
    String owner = "(check \"" + name + "\")";
    RequestReader.Parts request = RequestReader.read(node, defaults, Set.of(), owner);
    if (request.body() != null) {
      throw node.require("body").error("checks send no body " + owner);
    }
    List<Header> headers = new ArrayList<>();
    for (JourneyStep.HeaderTemplate header : request.headers()) {
      headers.add(new Header(header.name(), header.value().render(Map.of(), v -> v)));
    }
    StepExpectations expect = ExpectationsReader.read(node, Set.of(), owner);
    return new AvailabilityCheck(
        name,
        request.method(),
        URI.create(request.url().render(Map.of(), v -> v)),
        headers,
        expect,
        node.positiveDuration("interval", interval),
        request.timeout().orElse(timeout),
        node.integer("retries", retries, 0, 10),
        node.duration("retry_delay", retryDelay),
        node.bool("all_addresses", false),
        node.bool("scheduled", true),
        request.maxBody(),
        request.followRedirects(),
        request.maxRedirects(),
        TlsReader.read(node, configDirectory, defaults.tls()));
  }
}
