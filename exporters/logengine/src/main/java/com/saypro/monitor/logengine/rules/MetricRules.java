package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.Fields;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of metric rules applied to every parsed line. {@link #apply} is called by the polling thread,
 * {@link #collect} by scrapes; both may run at once.
 */
public final class MetricRules {

    private final List<FieldDerivation> derivations;
    private final FieldDerivation[] derivationArray;
    private final String[] derivationNames;
    private final List<RuleMetric> metrics;
    private final List<LineAnalyser> analysers;

    public MetricRules(List<FieldDerivation> derivations, List<MetricRule> rules) {
        this(derivations, rules, List.of());
    }

    /** With analysers: each sees every line after the derivations and the rules, and adds its own metrics. */
    public MetricRules(List<FieldDerivation> derivations, List<MetricRule> rules, List<LineAnalyser> analysers) {
        this.derivations = List.copyOf(derivations);
        this.derivationArray = this.derivations.toArray(FieldDerivation[]::new);
        this.derivationNames = this.derivations.stream().map(FieldDerivation::name).toArray(String[]::new);
        this.analysers = List.copyOf(analysers);
        Set<String> names = new HashSet<>();
        for (MetricRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("two rules define metric '" + rule.name() + "'");
            }
        }
        this.metrics = rules.stream().map(RuleMetric::new).toList();
    }

    public void apply(Fields parsed) {
        Fields fields = derivations.isEmpty() ? parsed : new DerivedFields(parsed, derivationArray, derivationNames);
        for (RuleMetric metric : metrics) {
            metric.record(fields);
        }
        for (LineAnalyser analyser : analysers) {
            analyser.accept(fields);
        }
    }

    /** Fresh immutable snapshots of every rule's metric. */
    public MetricSnapshots collect() {
        if (analysers.isEmpty()) {
            return new MetricSnapshots(metrics.stream().map(RuleMetric::snapshot).toList());
        }
        List<MetricSnapshot> all = new ArrayList<>();
        metrics.forEach(m -> all.add(m.snapshot()));
        analysers.forEach(a -> all.addAll(a.collect()));
        return new MetricSnapshots(all);
    }

    public List<RuleStats> stats() {
        return RuleMetric.statsOf(metrics);
    }
}
