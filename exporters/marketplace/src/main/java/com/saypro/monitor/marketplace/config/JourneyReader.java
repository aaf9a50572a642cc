package com.saypro.monitor.marketplace.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.marketplace.http.TlsSettings;
import com.saypro.monitor.marketplace.journey.Extraction;
import com.saypro.monitor.marketplace.journey.Journey;
import com.saypro.monitor.marketplace.journey.JourneyStep;
import com.saypro.monitor.marketplace.journey.StepExpectations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code journeys} list. Every message about a step names its journey and step, since
 * the YAML path alone ({@code journeys[1].steps[3]}) makes the reader count.
 *
 * <pre>
 * journeys:
 *   - name: checkout
 *     interval: 1m          # background runs (scheduled: false for /probe only)
 *     timeout: 30s          # deadline of a whole run
 *     variables: {query: lamp}
 *     steps:
 *       - name: search
 *         url: http://127.0.0.1:8480/api/search?q={{query}}
 *         extract: {product_id: {json: $.results[0].id}}
 *       - name: product
 *         url: http://127.0.0.1:8480/api/products/{{product_id}}
 *         expect: {status: 200, max_duration: 500ms}
 * </pre>
 */
final class JourneyReader {
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final HttpDefaults defaults;
  private final Path configDirectory;

  JourneyReader(HttpDefaults defaults, Path configDirectory) {
    this.defaults = defaults;
    this.configDirectory = configDirectory;
  }

  List<Journey> read(ConfigNode root) throws ConfigException {
    Set<String> names = new HashSet<>();
    List<Journey> journeys = new ArrayList<>();
    Optional<ConfigNode> list = root.get("journeys");
    if (list.isEmpty()) {
      return List.of();
    }
    for (ConfigNode item : list.get().items()) {
      journeys.add(journey(item.asMap(), names));
    }
    return journeys;
  }

  private Journey journey(ConfigNode node, Set<String> names) throws ConfigException {
    String name = Names.read(node, names, "journey");
    Duration interval = node.positiveDuration("interval", DEFAULT_INTERVAL);
    Duration timeout = node.positiveDuration("timeout", DEFAULT_TIMEOUT);
    boolean scheduled = node.bool("scheduled", true);
    Map<String, String> variables = new LinkedHashMap<>();
    Optional<ConfigNode> variablesNode = node.get("variables");
    if (variablesNode.isPresent()) {
      for (Map.Entry<String, ConfigNode> entry : variablesNode.get().asMap().entries().entrySet()) {
        if (!entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
          throw entry.getValue().error("\"" + entry.getKey() + "\" is not a valid value name (journey \"" + name + "\": letters, digits and _)");
        }
        variables.put(entry.getKey(), entry.getValue().asString());
      }
    }
    TlsSettings tls = TlsReader.read(node, configDirectory, defaults.tls());
    ConfigNode stepsNode = node.require("steps");
    List<ConfigNode> items = stepsNode.items();
    if (items.isEmpty()) {
      throw stepsNode.error("journey \"" + name + "\" has no steps");
    }
    Set<String> known = new LinkedHashSet<>(variables.keySet());
    Set<String> stepNames = new HashSet<>();
    List<JourneyStep> steps = new ArrayList<>();
    for (ConfigNode item : items) {
      steps.add(step(item.asMap(), name, stepNames, known));
    }
    return new Journey(name, interval, timeout, scheduled, variables, steps, tls);
  }

  /** Reads one step; afterwards {@code known} also holds the values it extracts. */
  private JourneyStep step(ConfigNode node, String journey, Set<String> stepNames, Set<String> known) throws ConfigException {
    String name;
    try {
      name = Names.read(node, stepNames, "step");
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " (journey \"" + journey + "\")");
    }
    String owner = "(journey \"" + journey + "\", step \"" + name + "\")";
    RequestReader.Parts request = RequestReader.read(node, defaults, known, owner);
    StepExpectations expect = ExpectationsReader.read(node, known, owner);
    List<Extraction> extract = ExtractionReader.read(node, owner);
    for (Extraction extraction : extract) {
      known.add(extraction.name());
    }
    return new JourneyStep(name, request.method(), request.url(), request.headers(), request.body(), request.timeout(),
        request.maxBody(), request.followRedirects(), request.maxRedirects(), expect, extract);
  }
}
