package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.Fields;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live values of one {@link MetricRule}: lock-free accumulators per admitted label set, turned into an
 * immutable client_java snapshot on each scrape.
 */
final class RuleMetric {

    private final MetricRule rule;
    private final MetricType type;
    private final Condition[] conditions;
    private final String valueField;
    private final Label[] labels;
    private final String[] labelNames;
    private final double[] upperBounds;
    private final SeriesLimiter limiter;
    private final Map<SeriesLimiter.LabelValues, Series> series = new ConcurrentHashMap<>();

    RuleMetric(MetricRule rule) {
        this.rule = rule;
        this.type = rule.type();
        this.conditions = rule.conditions().toArray(Condition[]::new);
        this.valueField = rule.valueField();
        this.labels = rule.labels().toArray(Label[]::new);
        this.labelNames = rule.labelNames().toArray(String[]::new);
        this.upperBounds = rule.buckets().stream().mapToDouble(Double::doubleValue).toArray();
        this.limiter = new SeriesLimiter(labels.length, rule.maxSeries(), rule.maxLabelValueLength());
        for (List<String> values : rule.initialSeries()) {
            series.computeIfAbsent(limiter.admit(values.toArray(String[]::new)), k -> new Series(upperBounds.length));
        }
    }

    void record(Fields fields) {
        for (Condition condition : conditions) {
            if (!condition.test(fields)) {
                return;
            }
        }
        double value = 1;
        if (valueField != null) {
            value = fields.number(valueField);
            if (Double.isNaN(value)) {
                return; // "-" or missing: nothing was measured, so nothing is observed
            }
        }
        String[] values = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i].source().valueFrom(fields);
        }
        limiter.truncate(values);
        SeriesLimiter.LabelValues key = new SeriesLimiter.LabelValues(values);
        // the common case, a label set seen before, costs one map lookup; only new ones go through the limiter
        Series existing = series.get(key);
        if (existing == null) {
            existing = series.computeIfAbsent(limiter.admit(key), k -> new Series(upperBounds.length));
        }
        existing.record(type, upperBounds, value);
    }

    MetricSnapshot snapshot() {
        switch (rule.type()) {
            case COUNTER: {
                CounterSnapshot.Builder builder = CounterSnapshot.builder().name(rule.name()).help(rule.help());
                series.forEach((key, s) -> builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .labels(labels(key)).value(s.sum.sum()).build()));
                return builder.build();
            }
            case GAUGE: {
                GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(rule.name()).help(rule.help());
                series.forEach((key, s) -> builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(labels(key)).value(s.last).build()));
                return builder.build();
            }
            default: {
                HistogramSnapshot.Builder builder = HistogramSnapshot.builder().name(rule.name()).help(rule.help());
                double[] bounds = new double[upperBounds.length + 1];
                System.arraycopy(upperBounds, 0, bounds, 0, upperBounds.length);
                bounds[upperBounds.length] = Double.POSITIVE_INFINITY;
                series.forEach((key, s) -> {
                    long[] counts = new long[s.buckets.length];
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = s.buckets[i].sum();
                    }
                    builder.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder().labels(labels(key))
                            .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                            .sum(s.sum.sum()).build());
                });
                return builder.build();
            }
        }
    }

    RuleStats stats() {
        return new RuleStats(rule.name(), series.size(), limiter.overflowed(), limiter.truncated());
    }

    private Labels labels(SeriesLimiter.LabelValues key) {
        return Labels.of(labelNames, key.values());
    }

    /** One label set's accumulators; only the ones its type needs are used. */
    private static final class Series {
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder[] buckets;
        volatile double last;

        Series(int bucketCount) {
            buckets = new LongAdder[bucketCount + 1];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(MetricType type, double[] upperBounds, double value) {
            switch (type) {
                case COUNTER -> sum.add(value);
                case GAUGE -> last = value;
                case HISTOGRAM -> {
                    int bucket = 0;
                    while (bucket < upperBounds.length && value > upperBounds[bucket]) {
                        bucket++;
                    }
                    buckets[bucket].increment();
                    sum.add(value);
                }
                default -> throw new IllegalStateException("unknown type " + type);
            }
        }
    }

    static List<RuleStats> statsOf(List<RuleMetric> metrics) {
        return metrics.stream().map(RuleMetric::stats).toList();
    }
}
