package com.saypro.monitor.logengine.rules;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.NoSuchElementException;

/** Reading values out of snapshots the way a scrape would show them. */
public final class Snapshots {

    private Snapshots() {
    }

    public static MetricSnapshot metric(MetricSnapshots snapshots, String name) {
        return snapshots.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no metric " + name));
    }

    public static DataPointSnapshot point(MetricSnapshots snapshots, String name, String... labels) {
        Labels wanted = Labels.of(labels);
        return metric(snapshots, name).getDataPoints().stream().filter(p -> p.getLabels().equals(wanted))
                .findFirst().orElseThrow(() -> new NoSuchElementException(name + wanted));
    }

    public static double counter(MetricSnapshots snapshots, String name, String... labels) {
        return ((CounterSnapshot.CounterDataPointSnapshot) point(snapshots, name, labels)).getValue();
    }

    public static HistogramSnapshot.HistogramDataPointSnapshot histogram(MetricSnapshots snapshots, String name,
            String... labels) {
        return (HistogramSnapshot.HistogramDataPointSnapshot) point(snapshots, name, labels);
    }
}
