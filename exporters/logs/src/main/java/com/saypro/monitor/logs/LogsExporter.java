package com.saypro.monitor.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.logengine.config.LogSources;
import java.util.List;
import java.util.Map;

/** The running log exporter: its sources' pipelines and the two collectors reading them. */
final class LogsExporter implements Exporter {

    private final LogSources sources;
    private final Map<String, SayproCollector> collectors;

    LogsExporter(LogSources sources, Map<String, SayproCollector> collectors) {
        this.sources = sources;
        this.collectors = Map.copyOf(collectors);
    }

    @Override
    public Map<String, SayproCollector> collectors() {
        return collectors;
    }

    /** The config's own rules, declared so the core accepts them from the {@code rules} collector. */
    @Override
    public Map<String, List<MetricDef>> configuredMetrics() {
        List<MetricDef> configured = sources.configuredMetrics();
        return configured.isEmpty() ? Map.of() : Map.of("rules", configured);
    }

    @Override
    public List<String> describe() {
        return sources.describe();
    }

    /** Stops tailing with a final checkpoint: the next config (or the next start) resumes exactly here. */
    @Override
    public void close() {
        sources.close();
    }
}
