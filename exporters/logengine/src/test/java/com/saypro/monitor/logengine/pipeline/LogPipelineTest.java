package com.saypro.monitor.logengine.pipeline;

import static com.saypro.monitor.logengine.rules.Snapshots.counter;
import static com.saypro.monitor.logengine.rules.Snapshots.histogram;
import static com.saypro.monitor.logengine.rules.Snapshots.metric;
import static com.saypro.monitor.logengine.rules.Snapshots.point;
import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.logengine.parse.NginxLogFormat;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.logengine.tail.TailerConfig;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An access log on disk in, metrics out: what an exporter built on the engine will serve. */
class LogPipelineTest {

    static final String MAIN = "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr $upstream_response_time";

    @TempDir
    Path dir;

    private LogPipeline accessLogPipeline(Path log, MutableClock clock) {
        return new LogPipeline(TailerConfig.of(List.of(log.toString()), dir.resolve("state.json")),
                NginxLogFormat.compile(MAIN).parser(),
                new MetricRules(List.of(
                        FieldDerivation.route("route", "path", RouteClassifier.marketplaceDefaults()),
                        FieldDerivation.statusClass("status_class", "status")),
                        List.of(MetricRule.counter("http_requests", "Requests").labelFromField("route")
                                        .labelFromField("status_class").build(),
                                MetricRule.histogram("http_request_duration_seconds", "Request time")
                                        .labelFromField("route").valueField("request_time").build(),
                                MetricRule.histogram("http_upstream_duration_seconds", "Upstream time")
                                        .labelFromField("route").valueField("upstream_response_time").build())),
                clock);
    }

    private static byte[] realNginxLines() throws Exception {
        try (InputStream in = LogPipelineTest.class.getResourceAsStream("/nginx/access-main.log")) {
            return in.readAllBytes();
        }
    }

    @Test
    void realNginxLinesBecomeRouteMetricsAndBadLinesAreCountedOnTheirFile() throws Exception {
        Path log = dir.resolve("access.log");
        Files.write(log, realNginxLines());
        Files.writeString(log, "this is not an access log line\n", StandardOpenOption.APPEND);
        MutableClock clock = MutableClock.atEpoch();
        try (LogPipeline pipeline = accessLogPipeline(log, clock)) {
            pipeline.poll();
            clock.advance(Duration.ofSeconds(30));

            MetricSnapshots metrics = pipeline.metrics();
            assertThat(counter(metrics, "http_requests", "route", "product_listing", "status_class", "2xx"))
                    .isEqualTo(1);
            assertThat(counter(metrics, "http_requests", "route", "payment_callback", "status_class", "2xx"))
                    .isEqualTo(1);
            assertThat(counter(metrics, "http_requests", "route", "other", "status_class", "5xx")).isEqualTo(1);
            assertThat(counter(metrics, "http_requests", "route", "other", "status_class", "4xx"))
                    .as("/missing/item and the GARBAGE request").isEqualTo(2);
            // retried upstreams: the observed upstream time is the sum over attempts
            assertThat(histogram(metrics, "http_upstream_duration_seconds", "route", "product_listing").getSum())
                    .isEqualTo(0.002, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(metric(metrics, "http_upstream_duration_seconds").getDataPoints())
                    .as("/static/ is served by nginx itself: no upstream time, no observation")
                    .noneMatch(p -> p.getLabels().get("route").equals("static"));

            // the statistics the log exporter's saypro_log_* metrics are made from (TailingMetrics)
            var file = pipeline.fileStats().get(0);
            assertThat(file.path()).isEqualTo(log.toString());
            assertThat(file.linesRead()).isEqualTo(11);
            assertThat(file.skipped("parse_error")).isEqualTo(1);
            assertThat(file.state()).isEqualTo(com.saypro.monitor.logengine.tail.FileState.FOLLOWING);
            assertThat(file.lagBytes()).isZero();
            assertThat(file.checkpointAge()).isEqualTo(Duration.ofSeconds(30));
            assertThat(pipeline.ruleStats()).filteredOn(r -> r.metric().equals("http_requests"))
                    .singleElement().satisfies(r -> assertThat(r.overflowed()).isZero());
        }
    }

    @Test
    void theBackgroundLoopKeepsUpWithAGrowingFile() throws Exception {
        Path log = dir.resolve("access.log");
        byte[] lines = realNginxLines();
        try (LogPipeline pipeline = accessLogPipeline(log, MutableClock.atEpoch())) {
            pipeline.start(Duration.ofMillis(20));
            for (int i = 0; i < 50; i++) {
                Files.write(log, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            awaitTrue(() -> pipeline.fileStats().stream().anyMatch(s -> s.linesRead() == 500));
            assertThat(pipeline.fileStats().get(0).skipped("parse_error")).isZero();
        }
        // close() wrote the final checkpoint: a new pipeline starts at the end
        try (LogPipeline restarted = accessLogPipeline(log, MutableClock.atEpoch())) {
            restarted.poll();
            assertThat(restarted.fileStats().get(0).linesRead()).isZero();
        }
    }

    private static double gauge(MetricSnapshots snapshots, String name, String... labels) {
        return ((GaugeSnapshot.GaugeDataPointSnapshot) point(snapshots, name, labels)).getValue();
    }

    /** Waits for a condition, not for a duration; the generous deadline only stops a hung test. */
    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not reached").isBefore(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
