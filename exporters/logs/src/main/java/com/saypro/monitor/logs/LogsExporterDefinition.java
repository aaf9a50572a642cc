package com.saypro.monitor.logs;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogSources;
import com.saypro.monitor.logengine.config.LogSourcesConfig;
import com.saypro.monitor.logengine.config.LogSourcesReader;
import com.saypro.monitor.logengine.config.TailingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code saypro-monitor logs}: metrics from the marketplace's access and application logs, tailed without loss
 * (the shared log engine, exporters/logengine). Collectors: {@code rules} (what the lines say) and {@code tailing}
 * (how the tailing is doing).
 */
public final class LogsExporterDefinition implements ExporterDefinition {

    static final String DEFAULT_STATE_DIRECTORY = "saypro-state/logs";

    static final List<LogPreset> PRESETS = List.of(MarketplaceAccessPreset.preset(), MarketplaceAppPreset.preset());

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String description() {
        return "Marketplace response times and application errors from access and application logs";
    }

    @Override
    public int defaultPort() {
        return 9811;
    }

    @Override
    public List<CollectorSpec> collectors() {
        List<MetricDef> presetMetrics = new ArrayList<>();
        presetMetrics.addAll(MarketplaceAccessPreset.METRICS);
        presetMetrics.addAll(MarketplaceAppPreset.METRICS);
        return List.of(
                new CollectorSpec("rules", "Metrics made from log lines: the presets' (listed here) and the config's"
                        + " own rules", true, Duration.ZERO, presetMetrics),
                new CollectorSpec("tailing", "Lines and bytes read, lines skipped, rotations, truncations, read"
                        + " errors, lag and checkpoint age per file; series per rule metric", true, Duration.ZERO,
                        TailingMetrics.METRICS));
    }

    @Override
    public String oneShotDescription() {
        return "Read the configured files once, from their start to their end, print the metrics (Prometheus text"
                + " format) on stdout and exit. No web server; read positions are neither used nor saved.";
    }

    @Override
    public String defaultConfigResource() {
        return "/com/saypro/monitor/logs/default-config.yml";
    }

    @Override
    public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
        LogSourcesConfig sourcesConfig = new LogSourcesReader(PRESETS, DEFAULT_STATE_DIRECTORY)
                .read(config, context.configDirectory());
        // every key must be known before a file is opened: the core would reject leftovers only after create
        config.rejectUnknownKeys();
        LogSources sources = new LogSources(sourcesConfig, context.clock(), context.oneShot());
        if (context.oneShot()) {
            sources.readToEnd();
        } else {
            sources.start();
        }
        Map<String, SayproCollector> collectors = new LinkedHashMap<>();
        if (context.enabled("rules")) {
            collectors.put("rules", new LogRuleMetrics(sources));
        }
        if (context.enabled("tailing")) {
            collectors.put("tailing", new TailingMetrics(sources));
        }
        return new LogsExporter(sources, collectors);
    }
}
