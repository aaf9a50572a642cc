package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.logengine.pipeline.LogPipeline;
import com.saypro.monitor.logengine.rules.RuleStats;
import com.saypro.monitor.logengine.tail.FileState;
import com.saypro.monitor.logengine.tail.FileStatsSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The engine's health per source and file: what it read, what it skipped and why, rotations, truncations, read
 * errors, how far behind the end of each file it is, and how close each rule metric is to its series cap. The
 * {@code path} label is a configured path or a glob's match, so it is as bounded as the configuration.
 *
 * <pre>
 * saypro_log_lines_read_total{source="access",path="/var/log/nginx/access.log"} 120345
 * saypro_log_lines_skipped_total{source="access",path="/var/log/nginx/access.log",reason="parse_error"} 3
 * saypro_log_parse_failures_total{source="access",path="/var/log/nginx/access.log"} 3
 * saypro_log_read_errors_total{source="app",path="/var/log/shop/app.log"} 12
 * saypro_log_file_error{source="app",path="/var/log/shop/app.log"} 1
 * saypro_log_lag_bytes{source="access",path="/var/log/nginx/access.log"} 0
 * saypro_log_series{source="access",metric="saypro_http_requests_total"} 48
 * </pre>
 */
public final class TailingMetrics implements SayproCollector {

    private static final String[] FILE = {"source", "path"};

    public static final MetricDef LINES_READ = MetricDef.counter("saypro_log_lines_read_total",
            "Complete lines read from the file.", FILE);
    public static final MetricDef BYTES_READ = MetricDef.counter("saypro_log_bytes_read_total",
            "Bytes read from the file.", FILE);
    public static final MetricDef LINES_SKIPPED = MetricDef.counter("saypro_log_lines_skipped_total",
            "Lines not turned into metrics, by reason: parse_error, too_long (over max_line_bytes), sink_error.",
            "source", "path", "reason");
    public static final MetricDef PARSE_FAILURES = MetricDef.counter("saypro_log_parse_failures_total",
            "Lines the source's parser could not read (also in lines_skipped_total as reason parse_error).", FILE);
    public static final MetricDef ROTATIONS = MetricDef.counter("saypro_log_rotations_total",
            "Times the file was replaced at its path (rename and create, symlink switch).", FILE);
    public static final MetricDef TRUNCATIONS = MetricDef.counter("saypro_log_truncations_total",
            "Times the file shrank or was rewritten in place (copytruncate).", FILE);
    public static final MetricDef READ_ERRORS = MetricDef.counter("saypro_log_read_errors_total",
            "Polls in which the file could not be read (permissions, I/O error, not a regular file).", FILE);
    public static final MetricDef FILE_ERROR = MetricDef.gauge("saypro_log_file_error",
            "1 while the file exists but cannot be read; the other files keep being read.", FILE);
    public static final MetricDef FILE_STATE = MetricDef.gauge("saypro_log_file_state",
            "1 for the file's current state: following, missing (not created yet) or error.", "source", "path",
            "state");
    public static final MetricDef LAG = MetricDef.gauge("saypro_log_lag_bytes",
            "Bytes between the last line delivered and the end of the file at the last poll.", FILE);
    public static final MetricDef CHECKPOINT_AGE = MetricDef.gauge("saypro_log_checkpoint_age_seconds",
            "Seconds since the file's read position was last made durable in the state file.", FILE);
    public static final MetricDef SERIES = MetricDef.gauge("saypro_log_series",
            "Label sets a rule metric holds (at most its max_series, plus one __overflow__ set).", "source", "metric");
    public static final MetricDef SERIES_OVERFLOW = MetricDef.counter("saypro_log_series_overflow_total",
            "Lines counted in the __overflow__ label set because the metric reached its max_series.", "source",
            "metric");
    public static final MetricDef LABEL_VALUES_TRUNCATED = MetricDef.counter(
            "saypro_log_label_values_truncated_total",
            "Label values cut to max_label_value_length.", "source", "metric");

    public static final List<MetricDef> METRICS = List.of(LINES_READ, BYTES_READ, LINES_SKIPPED, PARSE_FAILURES,
            ROTATIONS, TRUNCATIONS, READ_ERRORS, FILE_ERROR, FILE_STATE, LAG, CHECKPOINT_AGE, SERIES, SERIES_OVERFLOW,
            LABEL_VALUES_TRUNCATED);

    private final LogSources sources;

    public TailingMetrics(LogSources sources) {
        this.sources = sources;
    }

    @Override
    public List<MetricSnapshot> collect(CollectContext context) {
        MetricDef.Points read = LINES_READ.points();
        MetricDef.Points bytes = BYTES_READ.points();
        MetricDef.Points skipped = LINES_SKIPPED.points();
        MetricDef.Points parseFailures = PARSE_FAILURES.points();
        MetricDef.Points rotations = ROTATIONS.points();
        MetricDef.Points truncations = TRUNCATIONS.points();
        MetricDef.Points readErrors = READ_ERRORS.points();
        MetricDef.Points fileError = FILE_ERROR.points();
        MetricDef.Points state = FILE_STATE.points();
        MetricDef.Points lag = LAG.points();
        MetricDef.Points age = CHECKPOINT_AGE.points();
        for (Map.Entry<String, List<FileStatsSnapshot>> source : sources.fileStats().entrySet()) {
            String name = source.getKey();
            for (FileStatsSnapshot file : source.getValue()) {
                String path = file.path();
                read.add(file.linesRead(), name, path);
                bytes.add(file.bytesRead(), name, path);
                for (String reason : new TreeSet<>(file.linesSkipped().keySet())) {
                    skipped.add(file.skipped(reason), name, path, reason);
                }
                parseFailures.add(file.skipped(LogPipeline.PARSE_ERROR), name, path);
                rotations.add(file.rotations(), name, path);
                truncations.add(file.truncations(), name, path);
                readErrors.add(file.readErrors(), name, path);
                fileError.add(file.state() == FileState.ERROR ? 1 : 0, name, path);
                for (FileState s : FileState.values()) {
                    state.add(file.state() == s ? 1 : 0, name, path, s.name().toLowerCase(Locale.ROOT));
                }
                lag.add(file.lagBytes(), name, path);
                age.add(file.checkpointAge().toMillis() / 1000.0, name, path);
            }
        }
        MetricDef.Points series = SERIES.points();
        MetricDef.Points overflow = SERIES_OVERFLOW.points();
        MetricDef.Points truncated = LABEL_VALUES_TRUNCATED.points();
        for (Map.Entry<String, List<RuleStats>> source : sources.ruleStats().entrySet()) {
            for (RuleStats rule : source.getValue()) {
                String metric = exposedName(source.getKey(), rule.metric());
                series.add(rule.series(), source.getKey(), metric);
                overflow.add(rule.overflowed(), source.getKey(), metric);
                truncated.add(rule.labelValuesTruncated(), source.getKey(), metric);
            }
        }
        return List.of(read.build(), bytes.build(), skipped.build(), parseFailures.build(), rotations.build(),
                truncations.build(), readErrors.build(), fileError.build(), state.build(), lag.build(), age.build(),
                series.build(), overflow.build(), truncated.build());
    }

    /** The name users see in the exposition ({@code _total} for counters), not the engine's snapshot name. */
    private String exposedName(String source, String snapshotName) {
        for (LogSources.Running running : sources.sources()) {
            if (running.spec().name().equals(source)) {
                for (MetricDef def : running.spec().allDefs()) {
                    if (def.snapshotName().equals(snapshotName)) {
                        return def.name();
                    }
                }
            }
        }
        return snapshotName;
    }
}
