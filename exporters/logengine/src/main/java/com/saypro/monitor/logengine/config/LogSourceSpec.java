package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.parse.LineParser;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.tail.TailerConfig;
import java.util.List;

/**
 * One configured source, fully validated: which files, how to parse them, what to count.
 *
 * @param name        from config; names the state file and is the {@code source} label of the tailing metrics
 * @param presetDefs  metrics of the preset (declared statically by the exporter)
 * @param configured  metrics of the source's own rules (declared at config time)
 */
public record LogSourceSpec(String name, TailerConfig tailer, LineParser parser, List<FieldDerivation> derivations,
        List<MetricRule> rules, List<MetricDef> presetDefs, List<MetricDef> configured) {

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

    MetricRules metricRules() {
        return new MetricRules(derivations, rules);
    }
}
