package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.parse.LineParser;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.LineAnalyser;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.tail.TailerConfig;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * One configured source, fully validated: which files, how to parse them, what to count.
 *
 * @param name        from config; names the state file and is the {@code source} label of the tailing metrics
 * @param presetDefs  metrics of the preset (declared statically by the exporter)
 * @param configured  metrics of the source's own rules (declared at config time)
 * @param analysers   the preset's analysers, made when the source starts
 */
public record LogSourceSpec(String name, TailerConfig tailer, LineParser parser, List<FieldDerivation> derivations,
        List<MetricRule> rules, List<MetricDef> presetDefs, List<MetricDef> configured,
        Function<Clock, List<LineAnalyser>> analysers) {

    public LogSourceSpec(String name, TailerConfig tailer, LineParser parser, List<FieldDerivation> derivations,
            List<MetricRule> rules, List<MetricDef> presetDefs, List<MetricDef> configured) {
        this(name, tailer, parser, derivations, rules, presetDefs, configured, clock -> List.of());
    }

    public LogSourceSpec {
        derivations = List.copyOf(derivations);
        rules = List.copyOf(rules);
        presetDefs = List.copyOf(presetDefs);
        configured = List.copyOf(configured);
    }

    /** Preset and configured metrics together. */
    public List<MetricDef> allDefs() {
        return java.util.stream.Stream.concat(presetDefs.stream(), configured.stream()).toList();
    }

    MetricRules metricRules(Clock clock) {
        return new MetricRules(derivations, rules, analysers.apply(clock));
    }
}
