package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.LineAnalyser;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A ready-made source: a default parser, the fields it derives and the metrics it makes, chosen with one line of
 * config ({@code preset: marketplace_access}). Its metrics are fixed, so the exporter declares them in its
 * collector spec and they appear in the metric catalogue. Each exporter brings its own presets (marketplace logs,
 * auth logs); this module only knows the shape.
 *
 * @param parser      the parser used when the source does not configure one
 * @param derivations the derived fields, given the source's route classifier (its defaults plus overrides)
 * @param analysers   stateful line consumers with their own metrics, made fresh for each running source (so a
 *                    reload starts them empty); their metrics are declared by the exporter
 */
public record LogPreset(String name, String help, Supplier<SourceParser> parser,
        Function<RouteClassifier, List<FieldDerivation>> derivations, List<PresetMetric> metrics,
        Function<Clock, List<LineAnalyser>> analysers) {

    public LogPreset {
        metrics = List.copyOf(metrics);
    }

    /** A preset without analysers. */
    public LogPreset(String name, String help, Supplier<SourceParser> parser,
            Function<RouteClassifier, List<FieldDerivation>> derivations, List<PresetMetric> metrics) {
        this(name, help, parser, derivations, metrics, clock -> List.of());
    }

    /** The declared metrics, for {@code CollectorSpec}s. */
    public List<MetricDef> metricDefs() {
        return metrics.stream().map(PresetMetric::def).toList();
    }

    /**
     * One metric of a preset: how it is declared and the rule that feeds it. The rule's name is the declaration's
     * snapshot name (without {@code _total}).
     */
    public record PresetMetric(MetricDef def, MetricRule rule) {
        public PresetMetric {
            if (!def.snapshotName().equals(rule.name())) {
                throw new IllegalArgumentException("rule " + rule.name() + " does not feed " + def.name());
            }
        }

        /** A metric with its help from the declaration; {@code rule} gets name and help filled in. */
        public static PresetMetric of(MetricDef def, Function<MetricDef, MetricRule> rule) {
            return new PresetMetric(def, rule.apply(def));
        }
    }
}
