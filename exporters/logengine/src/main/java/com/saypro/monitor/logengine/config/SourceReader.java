package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import com.saypro.monitor.logengine.tail.StartPosition;
import com.saypro.monitor.logengine.tail.TailerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one entry of {@code sources}.
 *
 * <pre>
 * - name: access                        # names the state file and the source label of the tailing metrics
 *   paths: [/var/log/nginx/access.log, /var/log/nginx/shop-*.log]   # globs are re-read every poll
 *   preset: marketplace_access          # optional: parser, derived fields and metrics in one line
 *   parser: combined                    # see ParserReader; optional with a preset
 *   routes: [...]                       # route overrides, see DerivationReader
 *   derive: [...]
 *   rules: [...]                        # see RuleReader
 *   max_series: 1000                    # per metric, for every rule of this source without its own
 *   max_label_value_length: 128
 *   max_line_bytes: 64KiB-as-a-number   # longer lines are skipped and counted
 *   start_position: beginning           # or end: for files without a checkpoint at first start
 *   checkpoint_interval: 0s             # 0 = after every poll that read something
 *   rotated_file_grace: 5m              # how long a rotated-away file is still drained
 * </pre>
 */
final class SourceReader {

    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, LogPreset> presets;
    private final Path configDirectory;
    private final Path stateDirectory;

    SourceReader(Map<String, LogPreset> presets, Path configDirectory, Path stateDirectory) {
        this.presets = presets;
        this.configDirectory = configDirectory;
        this.stateDirectory = stateDirectory;
    }

    LogSourceSpec read(ConfigNode node) throws ConfigException {
        ConfigNode source = node.asMap();
        ConfigNode nameNode = source.require("name");
        String name = nameNode.asString();
        if (!SOURCE_NAME.matcher(name).matches()) {
            throw nameNode.invalid("is not a source name (lower case letters, digits and _, starting with a letter)");
        }
        TailerConfig tailer = tailer(source, name);

        LogPreset preset = null;
        if (source.has("preset")) {
            ConfigNode presetNode = source.require("preset");
            preset = presets.get(presetNode.asString());
            if (preset == null) {
                throw presetNode.invalid("is not a preset (known: " + String.join(", ", presets.keySet()) + ")");
            }
        }
        SourceParser parser;
        if (source.has("parser")) {
            parser = ParserReader.read(source.require("parser"));
        } else if (preset != null) {
            parser = preset.parser().get();
        } else {
            throw source.error("missing required key \"parser\" (" + ParserReader.KINDS + "), or a \"preset\"");
        }

        RouteClassifier routes = DerivationReader.routes(source);
        FieldCheck fields = new FieldCheck(parser);
        List<FieldDerivation> derivations = new ArrayList<>();
        // the user's derivations first: a derived field shadows any later one of the same name
        derivations.addAll(DerivationReader.derive(source, routes, fields));
        List<FieldDerivation> standard = preset != null ? preset.derivations().apply(routes)
                : parser.kind().equals("nginx") ? StandardFields.nginx(routes) : List.of();
        for (FieldDerivation derivation : standard) {
            derivations.add(derivation);
            fields.add(derivation.name());
        }

        Limits limits = new Limits(
                source.integer("max_series", MetricRule.DEFAULT_MAX_SERIES, 1, Limits.MAX_SERIES),
                source.integer("max_label_value_length", MetricRule.DEFAULT_MAX_LABEL_VALUE_LENGTH, 1,
                        Limits.MAX_LABEL_VALUE_LENGTH));
        List<MetricRule> rules = new ArrayList<>();
        List<MetricDef> presetDefs = new ArrayList<>();
        if (preset != null) {
            for (LogPreset.PresetMetric metric : preset.metrics()) {
                rules.add(withLimits(metric.rule(), source, limits));
                presetDefs.add(metric.def());
            }
        }
        List<MetricDef> configured = new ArrayList<>();
        for (ConfigNode ruleNode : Nodes.items(source, "rules")) {
            RuleReader.ConfiguredRule rule = RuleReader.read(ruleNode, name, fields, limits);
            rules.add(rule.rule());
            configured.add(rule.def());
        }
        return new LogSourceSpec(name, tailer, parser.parser(), derivations, rules, presetDefs, configured,
                preset != null ? preset.analysers() : clock -> List.of());
    }

    /** A preset's caps, unless the source sets its own for all its rules. */
    private static MetricRule withLimits(MetricRule rule, ConfigNode source, Limits limits) throws ConfigException {
        int maxSeries = source.has("max_series") ? limits.maxSeries() : rule.maxSeries();
        int maxLength = source.has("max_label_value_length") ? limits.maxLabelValueLength()
                : rule.maxLabelValueLength();
        return rule.withLimits(maxSeries, maxLength);
    }

    private TailerConfig tailer(ConfigNode source, String name) throws ConfigException {
        ConfigNode pathsNode = source.require("paths");
        List<String> paths = new ArrayList<>();
        for (ConfigNode item : pathsNode.items()) {
            String path = item.asString();
            if (path.isBlank()) {
                throw item.error("must not be empty");
            }
            paths.add(ConfigPaths.pattern(item, configDirectory, path));
        }
        if (paths.isEmpty()) {
            throw pathsNode.error("must name at least one file or glob");
        }
        Duration checkpointInterval = source.duration("checkpoint_interval", Duration.ZERO);
        Duration grace = source.duration("rotated_file_grace", Duration.ofMinutes(5));
        return TailerConfig.of(paths, stateDirectory.resolve(name + ".state.json"))
                .withMaxLineBytes(source.integer("max_line_bytes", TailerConfig.DEFAULT_MAX_LINE_BYTES, 256,
                        16 * 1024 * 1024))
                .withStartPosition(source.enumValue("start_position", StartPosition.class, StartPosition.BEGINNING))
                .withCheckpointInterval(checkpointInterval)
                .withRotatedFileGrace(grace);
    }
}
