package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.pipeline.LogPipeline;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.rules.RuleStats;
import com.saypro.monitor.logengine.tail.FileStatsSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.Closeable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipelines of an exporter's sources: they tail in the background from {@link #start()}; scrapes only
 * take snapshots. {@link #close()} stops every pipeline with a final checkpoint, so a reload or a shutdown neither
 * loses nor repeats lines.
 */
public final class LogSources implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LogSources.class);

    /** One source's pipeline. */
    public record Running(LogSourceSpec spec, LogPipeline pipeline) {
    }

    private final LogSourcesConfig config;
    private final List<Running> running;

    public LogSources(LogSourcesConfig config, Clock clock) {
        this(config, clock, false);
    }

    /**
     * @param oneShot for {@link #readToEnd()}: the pipelines read from the files' start and never touch the state
     *                directory
     */
    public LogSources(LogSourcesConfig config, Clock clock, boolean oneShot) {
        this.config = config;
        List<Running> pipelines = new ArrayList<>();
        for (LogSourceSpec spec : config.sources()) {
            MetricRules rules = spec.metricRules(clock);
            pipelines.add(new Running(spec, oneShot
                    ? LogPipeline.withoutCheckpoints(spec.tailer(), spec.parser(), rules, clock)
                    : new LogPipeline(spec.tailer(), spec.parser(), rules, clock)));
        }
        this.running = List.copyOf(pipelines);
    }

    /** Starts every source's background polling ({@code poll_interval}). */
    public void start() {
        for (Running source : running) {
            source.pipeline().start(config.pollInterval(), "log-tail-" + source.spec().name());
        }
    }

    /** Reads every source's files to their end on the calling thread, one source after the other. */
    public void readToEnd() {
        for (Running source : running) {
            source.pipeline().readToEnd();
        }
    }

    public List<Running> sources() {
        return running;
    }

    /** The metrics the rules made, every source's, as fresh snapshots. */
    public List<MetricSnapshot> ruleMetrics() {
        List<MetricSnapshot> result = new ArrayList<>();
        for (Running source : running) {
            source.pipeline().metrics().forEach(result::add);
        }
        return result;
    }

    /** Metrics defined by the sources' own rules (not presets), for {@code Exporter.configuredMetrics()}. */
    public List<MetricDef> configuredMetrics() {
        return config.sources().stream().flatMap(s -> s.configured().stream()).toList();
    }

    /** Per-file statistics by source name. */
    public Map<String, List<FileStatsSnapshot>> fileStats() {
        Map<String, List<FileStatsSnapshot>> stats = new TreeMap<>();
        running.forEach(s -> stats.put(s.spec().name(), s.pipeline().fileStats()));
        return stats;
    }

    /** Series-cap statistics by source name. */
    public Map<String, List<RuleStats>> ruleStats() {
        Map<String, List<RuleStats>> stats = new TreeMap<>();
        running.forEach(s -> stats.put(s.spec().name(), s.pipeline().ruleStats()));
        return stats;
    }

    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("log state directory: " + config.stateDirectory() + ", poll interval " + config.pollInterval());
        for (Running source : running) {
            lines.add("log source " + source.spec().name() + ": " + String.join(", ", source.spec().tailer().paths())
                    + " (" + source.spec().rules().size() + " metrics)");
        }
        return lines;
    }

    @Override
    public void close() {
        for (Running source : running) {
            try {
                source.pipeline().close();
            } catch (RuntimeException e) {
                LOG.warn("log source {} did not close cleanly: {}", source.spec().name(), e.toString());
            }
        }
    }
}
