package com.saypro.monitor.security.logs;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.logengine.config.LogSources;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collector {@code logs}: what the auth, application, IDS and fail2ban lines said (read in the background by the
 * shared log engine; a scrape copies counts). The brute-force metrics come from two sources (ssh and app), one
 * snapshot each, told apart by their {@code log} label: they are merged here into one family.
 *
 * <pre>
 * saypro_security_ssh_logins_total{outcome="failure",method="password",reason="invalid_user"} 212
 * saypro_security_bruteforce_sources{log="ssh"} 1
 * saypro_security_bruteforce_sources{log="app"} 0
 * saypro_security_fail2ban_bans_total{jail="sshd"} 7
 * </pre>
 */
public final class SecurityLogMetrics implements SayproCollector {

    private final LogSources sources;

    public SecurityLogMetrics(LogSources sources) {
        this.sources = sources;
    }

    @Override
    public List<MetricSnapshot> collect(CollectContext context) {
        return merge(sources.ruleMetrics());
    }

    /** Snapshots of the same name (counters or gauges with disjoint label sets) merged into one. */
    static List<MetricSnapshot> merge(List<MetricSnapshot> snapshots) {
        Map<String, List<MetricSnapshot>> byName = new LinkedHashMap<>();
        snapshots.forEach(s -> byName.computeIfAbsent(s.getMetadata().getName(), n -> new ArrayList<>()).add(s));
        List<MetricSnapshot> merged = new ArrayList<>();
        for (List<MetricSnapshot> same : byName.values()) {
            if (same.size() == 1) {
                merged.add(same.get(0));
            } else if (same.get(0) instanceof GaugeSnapshot first) {
                GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(first.getMetadata().getName())
                        .help(first.getMetadata().getHelp());
                same.forEach(s -> ((GaugeSnapshot) s).getDataPoints().forEach(builder::dataPoint));
                merged.add(builder.build());
            } else if (same.get(0) instanceof CounterSnapshot first) {
                CounterSnapshot.Builder builder = CounterSnapshot.builder().name(first.getMetadata().getName())
                        .help(first.getMetadata().getHelp());
                same.forEach(s -> ((CounterSnapshot) s).getDataPoints().forEach(builder::dataPoint));
                merged.add(builder.build());
            } else {
                merged.add(same.get(0));
            }
        }
        return merged;
    }
}
