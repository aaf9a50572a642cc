package com.saypro.monitor.logengine.pipeline;

import com.saypro.monitor.logengine.parse.LineParser;
import com.saypro.monitor.logengine.parse.ParseResult;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.rules.RuleStats;
import com.saypro.monitor.logengine.tail.FileStatsSnapshot;
import com.saypro.monitor.logengine.tail.LineSink;
import com.saypro.monitor.logengine.tail.LineSource;
import com.saypro.monitor.logengine.tail.PollResult;
import com.saypro.monitor.logengine.tail.TailLoop;
import com.saypro.monitor.logengine.tail.Tailer;
import com.saypro.monitor.logengine.tail.TailerConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Files to metrics: a {@link Tailer} feeding a {@link LineParser} feeding {@link MetricRules}. One instance per
 * log source (access logs, app logs, auth logs...). Lines that do not parse are counted on their file as
 * {@code parse_error}. Drive it with {@link #poll()} in tests, or {@link #start} a background loop.
 *
 * <pre>{@code
 * LogPipeline access = new LogPipeline(
 *     TailerConfig.of(List.of("/var/log/nginx/access.log"), Path.of("/var/lib/saypro/access.state")),
 *     NginxLogFormat.preset("combined").parser(),
 *     new MetricRules(List.of(FieldDerivation.route("route", "path", RouteClassifier.marketplaceDefaults()),
 *                             FieldDerivation.statusClass("status_class", "status")),
 *                     List.of(MetricRule.counter("http_requests", "Requests by route and status class")
 *                                 .labelFromField("route").labelFromField("status_class").build())),
 *     Clock.systemUTC());
 * access.start(Duration.ofMillis(250));
 * }</pre>
 */
public final class LogPipeline implements Closeable {

    public static final String PARSE_ERROR = "parse_error";

    private final Tailer tailer;
    private final MetricRules rules;
    private TailLoop loop;

    public LogPipeline(TailerConfig config, LineParser parser, MetricRules rules, Clock clock) {
        this(config, parser, rules, clock, true);
    }

    private LogPipeline(TailerConfig config, LineParser parser, MetricRules rules, Clock clock, boolean persistent) {
        this.rules = rules;
        LineSink sink = sinkFor(parser, rules);
        this.tailer = persistent ? new Tailer(config, sink, clock) : Tailer.withoutCheckpoints(config, sink, clock);
    }

    /**
     * A pipeline for one pass ({@code --one-shot}): {@link #readToEnd()} reads the files from their start; no
     * checkpoint is read or written (see {@link Tailer#withoutCheckpoints}).
     */
    public static LogPipeline withoutCheckpoints(TailerConfig config, LineParser parser, MetricRules rules,
            Clock clock) {
        return new LogPipeline(config, parser, rules, clock, false);
    }

    private static LineSink sinkFor(LineParser parser, MetricRules rules) {
        return (LineSource source, String line) -> {
            ParseResult result = parser.parse(line);
            if (result instanceof ParseResult.Parsed parsed) {
                rules.apply(parsed.fields());
            } else {
                source.skipped(PARSE_ERROR);
            }
        };
    }

    public PollResult poll() {
        return tailer.poll();
    }

    /** Reads every file to its current end on the calling thread. */
    public void readToEnd() {
        tailer.readToEnd();
    }

    /** Polls on a background thread every {@code interval} until {@link #close()}. */
    public void start(Duration interval) {
        start(interval, "logengine-tail");
    }

    /** As {@link #start(Duration)}, naming the polling thread (thread dumps then say which source it is). */
    public synchronized void start(Duration interval, String threadName) {
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        loop = TailLoop.start(tailer, interval, threadName);
    }

    /** The rules' metrics, as fresh immutable snapshots. */
    public MetricSnapshots metrics() {
        return rules.collect();
    }


    public List<FileStatsSnapshot> fileStats() {
        return tailer.stats();
    }

    public List<RuleStats> ruleStats() {
        return rules.stats();
    }

    /** Stops polling and writes a final checkpoint. */
    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
        } else {
            tailer.close();
        }
    }
}
