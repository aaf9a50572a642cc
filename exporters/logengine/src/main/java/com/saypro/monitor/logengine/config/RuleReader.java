package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.logengine.rules.Condition;
import com.saypro.monitor.logengine.rules.Label;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.MetricType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one user rule into its declaration (for the core, which refuses undeclared metrics) and the engine rule
 * that feeds it.
 *
 * <pre>
 * - name: saypro_shop_slow_checkouts_total   # counters end in _total; every name starts with saypro_
 *   type: counter                             # counter (default), gauge, histogram
 *   help: Checkouts slower than a second
 *   labels: [route, {name: backend, field: upstream}, {name: site, value: shop}]
 *   value: request_time                       # gauges and histograms; optional for counters (adds it up)
 *   when:
 *     - {field: route, equals: checkout}
 *     - {field: request_time, matches: '^([1-9]|[0-9]{2,})\.'}
 *     - {field: upstream, present: true}
 *   buckets: [0.1, 0.25, 0.5, 1, 2.5]        # histograms
 *   max_series: 100
 *   max_label_value_length: 64
 * </pre>
 */
final class RuleReader {

    private static final Pattern METRIC_NAME = Pattern.compile("saypro_[a-z0-9_]*[a-z0-9]");

    /** A rule and its declaration. */
    record ConfiguredRule(MetricDef def, MetricRule rule) {
    }

    private RuleReader() {
    }

    static ConfiguredRule read(ConfigNode node, String sourceName, FieldCheck fields, Limits limits)
            throws ConfigException {
        ConfigNode rule = node.asMap();
        ConfigNode nameNode = rule.require("name");
        MetricType type = rule.enumValue("type", MetricType.class, MetricType.COUNTER);
        String name = metricName(nameNode, type);
        String help = rule.string("help", "Counted from the lines of log source " + sourceName + ".");
        if (help.isBlank()) {
            throw rule.require("help").error("must not be empty");
        }

        List<Label> labels = labels(rule, fields);
        MetricDef def = new MetricDef(name, switch (type) {
            case COUNTER -> MetricDef.Type.COUNTER;
            case GAUGE -> MetricDef.Type.GAUGE;
            case HISTOGRAM -> MetricDef.Type.HISTOGRAM;
        }, help, labels.stream().map(Label::name).toList());

        MetricRule.Builder builder = switch (type) {
            case COUNTER -> MetricRule.counter(def.snapshotName(), help);
            case GAUGE -> MetricRule.gauge(def.snapshotName(), help);
            case HISTOGRAM -> MetricRule.histogram(def.snapshotName(), help);
        };
        labels.forEach(builder::label);
        if (rule.has("value")) {
            ConfigNode value = rule.require("value");
            fields.check(value);
            builder.valueField(value.asString());
        } else if (type != MetricType.COUNTER) {
            throw rule.error("a " + type.name().toLowerCase() + " needs \"value\": the field holding the number");
        }
        for (ConfigNode condition : Nodes.items(rule, "when")) {
            builder.when(condition(condition, fields));
        }
        if (rule.has("buckets")) {
            if (type != MetricType.HISTOGRAM) {
                throw rule.require("buckets").error("only histograms have buckets");
            }
            builder.buckets(buckets(rule.require("buckets")));
        }
        builder.maxSeries(rule.integer("max_series", limits.maxSeries(), 1, Limits.MAX_SERIES));
        builder.maxLabelValueLength(rule.integer("max_label_value_length", limits.maxLabelValueLength(), 1,
                Limits.MAX_LABEL_VALUE_LENGTH));
        return new ConfiguredRule(def, builder.build());
    }

    private static String metricName(ConfigNode node, MetricType type) throws ConfigException {
        String name = node.asString();
        if (!METRIC_NAME.matcher(name).matches()) {
            throw node.invalid("is not a metric name of this suite (saypro_ followed by lower case letters, digits"
                    + " and _)");
        }
        if (type == MetricType.COUNTER && !name.endsWith("_total")) {
            throw node.invalid("is a counter: its name must end in _total");
        }
        if (type != MetricType.COUNTER && name.endsWith("_total")) {
            throw node.invalid("ends in _total, which only counters may");
        }
        return name;
    }

    private static List<Label> labels(ConfigNode rule, FieldCheck fields) throws ConfigException {
        List<Label> labels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode item : Nodes.items(rule, "labels")) {
            ConfigNode nameNode;
            Label label;
            if (item.kind() == ConfigNode.Kind.SCALAR) {
                nameNode = item;
                fields.check(item);
                label = Label.fromField(checkLabelName(item));
            } else {
                ConfigNode map = item.asMap();
                nameNode = map.require("name");
                String name = checkLabelName(nameNode);
                if (map.has("field") == map.has("value")) {
                    throw map.error("needs either \"field\" (the label's value comes from it) or \"value\" (a"
                            + " constant)");
                }
                if (map.has("field")) {
                    fields.check(map.require("field"));
                    label = Label.fromField(name, map.require("field").asString());
                } else {
                    label = Label.constant(name, map.require("value").asString());
                }
            }
            if (!names.add(label.name())) {
                throw nameNode.invalid("is declared twice");
            }
            labels.add(label);
        }
        return labels;
    }

    private static String checkLabelName(ConfigNode node) throws ConfigException {
        String name = node.asString();
        if (!DerivationReader.NAME.matcher(name).matches() || name.startsWith("__") || name.equals("le")) {
            throw node.invalid("is not a label name (lower case letters, digits and _; not le, not starting"
                    + " with __)");
        }
        return name;
    }

    private static Condition condition(ConfigNode node, FieldCheck fields) throws ConfigException {
        ConfigNode map = node.asMap();
        ConfigNode field = map.require("field");
        fields.check(field);
        List<String> tests = new ArrayList<>();
        for (String test : List.of("equals", "matches", "present")) {
            if (map.has(test)) {
                tests.add(test);
            }
        }
        if (tests.size() != 1) {
            throw map.error("needs exactly one of equals, matches, present" + (tests.isEmpty() ? "" : ", not "
                    + tests));
        }
        return switch (tests.get(0)) {
            case "equals" -> Condition.equals(field.asString(), map.require("equals").asString());
            case "matches" -> new Condition.FieldMatches(field.asString(), Regexes.compile(map.require("matches")));
            default -> {
                if (!map.require("present").asBoolean()) {
                    throw map.require("present").invalid("must be true (to count lines without the field, match"
                            + " on another field)");
                }
                yield Condition.present(field.asString());
            }
        };
    }

    private static List<Double> buckets(ConfigNode node) throws ConfigException {
        List<Double> bounds = new ArrayList<>();
        for (ConfigNode item : node.items()) {
            double bound = item.asDouble(-Double.MAX_VALUE, Double.MAX_VALUE);
            if (!bounds.isEmpty() && bound <= bounds.get(bounds.size() - 1)) {
                throw item.invalid("must be greater than the bucket before it (buckets go up)");
            }
            bounds.add(bound);
        }
        if (bounds.isEmpty()) {
            throw node.error("needs at least one bucket");
        }
        return bounds;
    }
}
