package com.saypro.monitor.logengine.pipeline;

import com.saypro.monitor.logengine.rules.RuleStats;
import com.saypro.monitor.logengine.tail.FileState;
import com.saypro.monitor.logengine.tail.FileStatsSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The engine's statistics as metrics, named {@code <prefix>_...}. Sample output for prefix {@code saypro_log}:
 * <pre>
 * saypro_log_lines_read_total{path="/var/log/nginx/access.log"} 120345
 * saypro_log_lines_skipped_total{path="/var/log/nginx/access.log",reason="parse_error"} 3
 * saypro_log_lag_bytes{path="/var/log/nginx/access.log"} 0
 * saypro_log_file_state{path="/var/log/nginx/access.log",state="following"} 1
 * saypro_log_series_overflow_total{metric="http_requests"} 0
 * </pre>
 */
final class SelfMetrics {

    private SelfMetrics() {
    }

    static MetricSnapshots collect(String prefix, List<FileStatsSnapshot> files, List<RuleStats> rules) {
        List<MetricSnapshot> result = new ArrayList<>();
        result.add(perFile(prefix + "_lines_read", "Lines delivered from the file", files,
                FileStatsSnapshot::linesRead));
        result.add(perFile(prefix + "_bytes_read", "Bytes read from the file", files, FileStatsSnapshot::bytesRead));
        result.add(perFile(prefix + "_rotations", "Times the file was replaced at its path (rename, symlink switch)",
                files, FileStatsSnapshot::rotations));
        result.add(perFile(prefix + "_truncations", "Times the file shrank or was rewritten (copytruncate)", files,
                FileStatsSnapshot::truncations));
        result.add(perFile(prefix + "_read_errors", "Failed attempts to read the file", files,
                FileStatsSnapshot::readErrors));

        CounterSnapshot.Builder skipped = CounterSnapshot.builder().name(prefix + "_lines_skipped")
                .help("Lines not turned into metrics, by reason");
        GaugeSnapshot.Builder lag = GaugeSnapshot.builder().name(prefix + "_lag_bytes")
                .help("Bytes between the last delivered line and the end of the file");
        GaugeSnapshot.Builder age = GaugeSnapshot.builder().name(prefix + "_checkpoint_age_seconds")
                .help("Seconds since the read position was last made durable");
        GaugeSnapshot.Builder state = GaugeSnapshot.builder().name(prefix + "_file_state")
                .help("1 for the file's current state: following, missing or error");
        for (FileStatsSnapshot file : files) {
            file.linesSkipped().forEach((reason, count) -> skipped.dataPoint(
                    CounterSnapshot.CounterDataPointSnapshot.builder()
                            .labels(Labels.of("path", file.path(), "reason", reason)).value(count).build()));
            lag.dataPoint(gauge(Labels.of("path", file.path()), file.lagBytes()));
            age.dataPoint(gauge(Labels.of("path", file.path()), file.checkpointAge().toMillis() / 1000.0));
            for (FileState s : FileState.values()) {
                state.dataPoint(gauge(Labels.of("path", file.path(), "state", s.name().toLowerCase()),
                        file.state() == s ? 1 : 0));
            }
        }
        result.add(skipped.build());
        result.add(lag.build());
        result.add(age.build());
        result.add(state.build());

        GaugeSnapshot.Builder series = GaugeSnapshot.builder().name(prefix + "_series")
                .help("Label sets held per rule metric (at most its cap + 1 overflow set)");
        CounterSnapshot.Builder overflow = CounterSnapshot.builder().name(prefix + "_series_overflow")
                .help("Observations folded into the __overflow__ label set because the series cap was reached");
        CounterSnapshot.Builder truncated = CounterSnapshot.builder().name(prefix + "_label_values_truncated")
                .help("Label values cut to the maximum length");
        for (RuleStats rule : rules) {
            Labels labels = Labels.of("metric", rule.metric());
            series.dataPoint(gauge(labels, rule.series()));
            overflow.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(rule.overflowed()).build());
            truncated.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(rule.labelValuesTruncated()).build());
        }
        result.add(series.build());
        result.add(overflow.build());
        result.add(truncated.build());
        return new MetricSnapshots(result);
    }

    private static CounterSnapshot perFile(String name, String help, List<FileStatsSnapshot> files,
            ToDoubleFunction<FileStatsSnapshot> value) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        for (FileStatsSnapshot file : files) {
            builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("path", file.path())).value(value.applyAsDouble(file)).build());
        }
        return builder.build();
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
