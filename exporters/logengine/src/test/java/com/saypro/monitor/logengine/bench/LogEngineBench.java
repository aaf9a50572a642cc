package com.saypro.monitor.logengine.bench;

import com.saypro.monitor.logengine.parse.NginxLogFormat;
import com.saypro.monitor.logengine.pipeline.LogPipeline;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import com.saypro.monitor.logengine.tail.TailerConfig;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Benchmark driver for bench/logs/run.sh, not a test. The rules match bench/logs/access.mtail: requests by route
 * and status class, request time histogram by route.
 * <ul>
 *   <li>{@code oneshot <log>}: read the file to its end and exit (like mtail --one_shot);</li>
 *   <li>{@code live <log> <lines>}: follow the file while another process writes it, until {@code lines} have
 *       arrived; prints the CPU the engine used from its first line to its last;</li>
 *   <li>{@code steady <log> <rounds>}: read the file to its end {@code rounds} times in one JVM, each time with a
 *       fresh pipeline, and print the reading thread's CPU per line of each round: the last rounds are the
 *       steady-state (JIT-compiled) cost per line, without start-up, compilation or the JIT's threads.</li>
 * </ul>
 */
public final class LogEngineBench {

    private static final String MAIN = "$remote_addr - $remote_user [$time_local] \"$request\" $status "
            + "$body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr "
            + "$upstream_response_time";

    private LogEngineBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("steady")) {
            steady(args[1], Integer.parseInt(args[2]));
            return;
        }
        Path log = Path.of(args[1]);
        Path state = Files.createTempDirectory("logbench").resolve("state.json");
        TailerConfig config = TailerConfig.of(List.of(log.toString()), state)
                .withMaxBytesPerFilePerPoll(Long.MAX_VALUE);
        try (LogPipeline pipeline = new LogPipeline(config, NginxLogFormat.compile(MAIN).parser(), rules(),
                Clock.systemUTC())) {
            if (args[0].equals("oneshot")) {
                while (pipeline.poll().bytesRead() > 0) {
                    // keep reading until a poll finds nothing new
                }
            } else {
                live(pipeline, Long.parseLong(args[2]));
            }
            report(pipeline);
        }
    }

    private static void steady(String log, int rounds) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long lines;
        try (var all = Files.lines(Path.of(log), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines = all.count();
        }
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            main(new String[] {"oneshot", log});
            System.out.printf("steady_round=%d thread_cpu_us_per_line=%.3f%n", round,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / lines);
        }
    }

    private static void live(LogPipeline pipeline, long expected) throws InterruptedException {
        pipeline.start(Duration.ofMillis(100));
        long firstCpu = -1;
        long firstWall = 0;
        long lines = 0;
        while (lines < expected) {
            Thread.sleep(20); // a benchmark driver, not a test: coarse waiting is fine here
            lines = pipeline.fileStats().isEmpty() ? 0 : pipeline.fileStats().get(0).linesRead();
            if (firstCpu < 0 && lines > 0) {
                firstCpu = cpuNanos();
                firstWall = System.nanoTime();
            }
        }
        double cpu = (cpuNanos() - firstCpu) / 1e9;
        double wall = (System.nanoTime() - firstWall) / 1e9;
        System.out.printf("live_cpu_seconds=%.3f live_wall_seconds=%.3f live_cpu_share=%.4f live_lines=%d%n",
                cpu, wall, cpu / wall, lines);
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static MetricRules rules() {
        return new MetricRules(List.of(
                FieldDerivation.route("route", "path", RouteClassifier.marketplaceDefaults()),
                FieldDerivation.statusClass("status_class", "status")),
                List.of(MetricRule.counter("http_requests", "Requests").labelFromField("route")
                                .labelFromField("status_class").build(),
                        MetricRule.histogram("http_request_duration_seconds", "Request time").labelFromField("route")
                                .valueField("request_time").build()));
    }

    private static void report(LogPipeline pipeline) {
        double requests = 0;
        for (MetricSnapshot snapshot : pipeline.metrics()) {
            if (snapshot instanceof CounterSnapshot counter) {
                requests += counter.getDataPoints().stream().mapToDouble(p -> p.getValue()).sum();
            }
        }
        var stats = pipeline.fileStats().get(0);
        System.out.printf("lines_read=%d parse_errors=%d requests_counted=%.0f process_cpu_seconds=%.3f%n",
                stats.linesRead(), stats.skipped(LogPipeline.PARSE_ERROR), requests, cpuNanos() / 1e9);
    }
}
