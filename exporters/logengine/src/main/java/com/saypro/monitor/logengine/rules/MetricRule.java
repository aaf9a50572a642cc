package com.saypro.monitor.logengine.rules;

import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One metric fed from log lines.
 *
 * @param name                 metric name as exposed (for a counter, without {@code _total}: the exposition adds it)
 * @param valueField           field holding the number for gauges and histograms, optional for counters; lines
 *                             where it is missing or not a number ({@code -}) are not observed
 * @param conditions           all must hold for a line to count
 * @param buckets              histogram upper bounds, ascending ({@code +Inf} is implied)
 * @param maxSeries            label sets beyond this are folded into one set whose values are all
 *                             {@value SeriesLimiter#OVERFLOW}
 * @param maxLabelValueLength  longer label values are truncated (and counted)
 * @param initialSeries        label sets (values in label order) exposed at zero from the start, so the
 *                             first event of a known kind (a 5xx on checkout) is an increase Prometheus sees,
 *                             not the birth of a series that rate() needs a second sample of
 */
public record MetricRule(String name, String help, MetricType type, List<Label> labels, String valueField,
        List<Condition> conditions, List<Double> buckets, int maxSeries, int maxLabelValueLength,
        List<List<String>> initialSeries) {

    /** Seconds, suited to web request times; includes 0.1 s, the usual "fast enough" SLO threshold. */
    public static final List<Double> DEFAULT_BUCKETS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
    public static final int DEFAULT_MAX_SERIES = 1000;
    public static final int DEFAULT_MAX_LABEL_VALUE_LENGTH = 128;

    public MetricRule {
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
        labels = List.copyOf(labels);
        conditions = List.copyOf(conditions);
        buckets = List.copyOf(buckets);
        initialSeries = initialSeries == null ? List.of() : initialSeries.stream().map(List::copyOf).toList();
        if (name == null || !PrometheusNaming.isValidLegacyMetricName(name)) {
            throw new IllegalArgumentException("illegal metric name '" + name + "'");
        }
        if (type == MetricType.COUNTER && name.endsWith("_total")) {
            throw new IllegalArgumentException("counter '" + name + "': give the name without _total,"
                    + " the exposition format adds it");
        }
        Set<String> seen = new HashSet<>();
        for (Label label : labels) {
            if (!seen.add(label.name())) {
                throw new IllegalArgumentException(name + ": duplicate label '" + label.name() + "'");
            }
            if (type == MetricType.HISTOGRAM && label.name().equals("le")) {
                throw new IllegalArgumentException(name + ": label 'le' is reserved for histogram buckets");
            }
        }
        if (type != MetricType.COUNTER && (valueField == null || valueField.isEmpty())) {
            throw new IllegalArgumentException(name + ": a " + type.name().toLowerCase() + " needs a value field");
        }
        if (type == MetricType.HISTOGRAM) {
            if (buckets.isEmpty()) {
                throw new IllegalArgumentException(name + ": a histogram needs at least one bucket");
            }
            for (int i = 1; i < buckets.size(); i++) {
                if (!(buckets.get(i) > buckets.get(i - 1))) {
                    throw new IllegalArgumentException(name + ": buckets must be strictly ascending: " + buckets);
                }
            }
        }
        if (maxSeries < 1) {
            throw new IllegalArgumentException(name + ": maxSeries must be >= 1, got " + maxSeries);
        }
        if (maxLabelValueLength < 1) {
            throw new IllegalArgumentException(name + ": maxLabelValueLength must be >= 1");
        }
        for (List<String> values : initialSeries) {
            if (values.size() != labels.size()) {
                throw new IllegalArgumentException(name + ": initial series " + values + " has " + values.size()
                        + " values for " + labels.size() + " labels");
            }
        }
        if (initialSeries.size() > maxSeries) {
            throw new IllegalArgumentException(name + ": " + initialSeries.size()
                    + " initial series exceed maxSeries " + maxSeries);
        }
    }

    /** The same rule with other series caps (a source's own {@code max_series}, {@code max_label_value_length}). */
    public MetricRule withLimits(int maxSeries, int maxLabelValueLength) {
        return new MetricRule(name, help, type, labels, valueField, conditions, buckets, maxSeries,
                maxLabelValueLength, initialSeries.subList(0, Math.min(initialSeries.size(), maxSeries)));
    }

    public static Builder counter(String name, String help) {
        return new Builder(name, help, MetricType.COUNTER);
    }

    public static Builder gauge(String name, String help) {
        return new Builder(name, help, MetricType.GAUGE);
    }

    public static Builder histogram(String name, String help) {
        return new Builder(name, help, MetricType.HISTOGRAM);
    }

    public List<String> labelNames() {
        return labels.stream().map(Label::name).toList();
    }

    /** Collects the parts of a rule; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final String name;
        private final String help;
        private final MetricType type;
        private final List<Label> labels = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();
        private String valueField;
        private List<Double> buckets = DEFAULT_BUCKETS;
        private int maxSeries = DEFAULT_MAX_SERIES;
        private int maxLabelValueLength = DEFAULT_MAX_LABEL_VALUE_LENGTH;
        private final List<List<String>> initialSeries = new ArrayList<>();

        private Builder(String name, String help, MetricType type) {
            this.name = name;
            this.help = help;
            this.type = type;
        }

        public Builder label(Label label) {
            labels.add(label);
            return this;
        }

        public Builder labelFromField(String name) {
            return label(Label.fromField(name));
        }

        public Builder valueField(String field) {
            this.valueField = field;
            return this;
        }

        public Builder when(Condition condition) {
            conditions.add(condition);
            return this;
        }

        public Builder buckets(List<Double> upperBounds) {
            this.buckets = upperBounds;
            return this;
        }

        public Builder maxSeries(int value) {
            this.maxSeries = value;
            return this;
        }

        public Builder maxLabelValueLength(int value) {
            this.maxLabelValueLength = value;
            return this;
        }

        /** Exposes this label set (values in label order) at zero before any line matches. */
        public Builder initialSeries(String... labelValues) {
            initialSeries.add(List.of(labelValues));
            return this;
        }

        public MetricRule build() {
            return new MetricRule(name, help, type, labels, valueField, conditions, buckets, maxSeries,
                    maxLabelValueLength, initialSeries);
        }
    }
}
