package com.saypro.monitor.security.logs;

import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.parse.LineParser;
import com.saypro.monitor.logengine.parse.NginxLogFormat;
import com.saypro.monitor.logengine.pipeline.LogPipeline;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import com.saypro.monitor.logengine.tail.TailerConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Benchmark driver for bench/security/run.sh, not a test: {@code <auth.log> <access.log> <rounds>} reads each
 * file to its end {@code rounds} times, alternately, each time through a fresh pipeline of the shared engine (the
 * auth preset with its brute-force analyser; the access log with the rules of bench/logs), and prints the reading
 * thread's CPU per line of each round. The last rounds are the steady (JIT-compiled) cost.
 */
public final class AuthLogBench {

    private static final String ACCESS_FORMAT = "$remote_addr - $remote_user [$time_local] \"$request\" $status "
            + "$body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr "
            + "$upstream_response_time";

    private AuthLogBench() {
    }

    public static void main(String[] args) throws Exception {
        Path auth = Path.of(args[0]);
        Path access = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        long authLines = lines(auth);
        long accessLines = lines(access);
        for (int round = 1; round <= rounds; round++) {
            double a = perLine(auth, authLines, authParser(), authRules());
            double b = perLine(access, accessLines, NginxLogFormat.compile(ACCESS_FORMAT).parser(), accessRules());
            System.out.printf("round=%d auth_us_per_line=%.3f access_us_per_line=%.3f%n", round, a, b);
        }
    }

    private static LineParser authParser() {
        return AuthLogPreset.preset(BruteForceSettings.DEFAULTS).parser().get().parser();
    }

    private static MetricRules authRules() {
        LogPreset preset = AuthLogPreset.preset(BruteForceSettings.DEFAULTS);
        return new MetricRules(preset.derivations().apply(RouteClassifier.marketplaceDefaults()),
                preset.metrics().stream().map(LogPreset.PresetMetric::rule).toList(),
                preset.analysers().apply(Clock.systemUTC()));
    }

    private static MetricRules accessRules() {
        return new MetricRules(List.of(
                FieldDerivation.route("route", "path", RouteClassifier.marketplaceDefaults()),
                FieldDerivation.statusClass("status_class", "status")), List.of(
                MetricRule.counter("http_requests", "Requests").labelFromField("route").labelFromField("status_class")
                        .build(),
                MetricRule.histogram("http_request_duration_seconds", "Request time").labelFromField("route")
                        .valueField("request_time").build()));
    }

    private static double perLine(Path log, long lines, LineParser parser, MetricRules rules) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        Path state = Files.createTempDirectory("secbench").resolve("state.json");
        long cpu = threads.getCurrentThreadCpuTime();
        try (LogPipeline pipeline = new LogPipeline(TailerConfig.of(List.of(log.toString()), state)
                .withMaxBytesPerFilePerPoll(Long.MAX_VALUE), parser, rules, Clock.systemUTC())) {
            while (pipeline.poll().bytesRead() > 0) {
                // to the end of the file
            }
            pipeline.metrics();
        }
        return (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / lines;
    }

    private static long lines(Path log) throws Exception {
        try (var all = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return all.count();
        }
    }
}
