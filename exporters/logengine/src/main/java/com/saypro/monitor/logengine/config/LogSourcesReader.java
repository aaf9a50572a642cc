package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the log sources of an exporter's config into validated, immutable specs; nothing is opened here.
 *
 * <pre>
 * state_directory: saypro-state/logs   # relative to the config file's folder; one NAME.state.json per source
 * poll_interval: 250ms
 * sources:
 *   - name: access
 *     paths: [/var/log/nginx/access.log]
 *     preset: marketplace_access
 * </pre>
 */
public final class LogSourcesReader {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

    private final Map<String, LogPreset> presets;
    private final String defaultStateDirectory;

    /**
     * @param presets               the presets this exporter offers, by name
     * @param defaultStateDirectory used when {@code state_directory} is not set, relative to the config's folder
     */
    public LogSourcesReader(List<LogPreset> presets, String defaultStateDirectory) {
        Map<String, LogPreset> byName = new LinkedHashMap<>();
        presets.forEach(p -> byName.put(p.name(), p));
        this.presets = Map.copyOf(byName);
        this.defaultStateDirectory = defaultStateDirectory;
    }

    public LogSourcesConfig read(ConfigNode root, Path configDirectory) throws ConfigException {
        if (root.has("state_directory") && root.string("state_directory", "").isBlank()) {
            throw root.require("state_directory").error("must not be empty");
        }
        Path stateDirectory = root.has("state_directory")
                ? ConfigPaths.resolve(root.require("state_directory"), configDirectory,
                        root.string("state_directory", defaultStateDirectory))
                : configDirectory.resolve(defaultStateDirectory).normalize();
        Duration pollInterval = root.positiveDuration("poll_interval", DEFAULT_POLL_INTERVAL);
        SourceReader reader = new SourceReader(orderedPresets(), configDirectory, stateDirectory);
        List<LogSourceSpec> sources = new ArrayList<>();
        Map<String, ConfigNode> names = new HashMap<>();
        Map<String, String> metricOwners = new HashMap<>();
        for (ConfigNode node : Nodes.items(root, "sources")) {
            LogSourceSpec spec = reader.read(node);
            ConfigNode nameNode = node.require("name");
            ConfigNode earlier = names.putIfAbsent(spec.name(), nameNode);
            if (earlier != null) {
                throw nameNode.invalid("is already the name of " + earlier.path().replace(".name", "")
                        + " (names must be unique: each source has its own state file)");
            }
            claimMetrics(node, spec, metricOwners);
            sources.add(spec);
        }
        return new LogSourcesConfig(stateDirectory, pollInterval, sources);
    }

    /** One metric, one source: two sources feeding one name would make duplicate series. */
    private static void claimMetrics(ConfigNode node, LogSourceSpec spec, Map<String, String> owners)
            throws ConfigException {
        for (MetricDef def : spec.presetDefs()) {
            String owner = owners.putIfAbsent(def.name(), node.path());
            if (owner != null) {
                throw node.require("preset").invalid("is already used by " + owner + " (its metric " + def.name()
                        + " can come from one source only; give that source several paths or a glob instead)");
            }
        }
        List<ConfigNode> ruleNodes = Nodes.items(node, "rules");
        for (int i = 0; i < spec.configured().size(); i++) {
            MetricDef def = spec.configured().get(i);
            String owner = owners.putIfAbsent(def.name(), ruleNodes.get(i).path());
            if (owner != null) {
                throw ruleNodes.get(i).require("name").invalid("is already defined by " + owner
                        + " (a metric name can be used once)");
            }
        }
    }

    private Map<String, LogPreset> orderedPresets() {
        Map<String, LogPreset> ordered = new LinkedHashMap<>();
        presets.keySet().stream().sorted().forEach(name -> ordered.put(name, presets.get(name)));
        return ordered;
    }
}
