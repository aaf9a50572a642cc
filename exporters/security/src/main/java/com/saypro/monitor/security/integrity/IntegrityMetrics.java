package com.saypro.monitor.security.integrity;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Collector {@code file_integrity}: each watched file against the baseline (checked at most every
 * {@code min_interval}, 1m by default), until an operator accepts the change with
 * {@code POST /file-integrity/accept}.
 *
 * <pre>
 * saypro_security_file_integrity_changed{file="/etc/nginx/nginx.conf",change="modified"} 1
 * saypro_security_file_integrity_changed{file="/etc/nginx/nginx.conf",change="added"} 0
 * saypro_security_file_integrity_changed{file="/etc/nginx/nginx.conf",change="removed"} 0
 * saypro_security_file_integrity_changed_files 1
 * saypro_security_file_integrity_unreadable_files 0
 * saypro_security_file_integrity_state_ok 1
 * </pre>
 */
public final class IntegrityMetrics implements SayproCollector {

    public static final MetricDef CHANGED = MetricDef.gauge("saypro_security_file_integrity_changed",
            "1 if the file changed in this way (modified, added, removed) since the accepted baseline.", "file",
            "change");
    public static final MetricDef CHANGED_FILES = MetricDef.gauge("saypro_security_file_integrity_changed_files",
            "Watched files changed, added or removed since the baseline and not yet accepted.");
    public static final MetricDef UNREADABLE = MetricDef.gauge("saypro_security_file_integrity_unreadable_files",
            "Watched files that exist but cannot be read (permissions): their changes cannot be seen.");
    public static final MetricDef STATE_OK = MetricDef.gauge("saypro_security_file_integrity_state_ok",
            "1 if the baseline state file could be read and written.");

    public static final List<MetricDef> METRICS = List.of(CHANGED, CHANGED_FILES, UNREADABLE, STATE_OK);

    private final IntegrityChecker checker;

    public IntegrityMetrics(IntegrityChecker checker) {
        this.checker = checker;
    }

    @Override
    public List<MetricSnapshot> collect(CollectContext context) {
        IntegrityChecker.Report report = checker.check();
        MetricDef.Points changed = CHANGED.points();
        report.files().forEach((file, change) -> {
            for (IntegrityChecker.Change kind : IntegrityChecker.Change.values()) {
                changed.add(change.equals(Optional.of(kind)) ? 1 : 0, file, kind.label());
            }
        });
        return List.of(changed.build(), CHANGED_FILES.points().add(report.changed()).build(),
                UNREADABLE.points().add(report.unreadable()).build(),
                STATE_OK.points().add(report.stateOk() ? 1 : 0).build());
    }
}
