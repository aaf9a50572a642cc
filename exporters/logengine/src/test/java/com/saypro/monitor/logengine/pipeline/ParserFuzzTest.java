package com.saypro.monitor.logengine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.logengine.parse.JsonLineParser;
import com.saypro.monitor.logengine.parse.LineParser;
import com.saypro.monitor.logengine.parse.NginxLogFormat;
import com.saypro.monitor.logengine.parse.ParseResult;
import com.saypro.monitor.logengine.parse.RegexLineParser;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.MetricRule;
import com.saypro.monitor.logengine.rules.MetricRules;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.logengine.tail.TailerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Whatever bytes a log contains, parsers return a result and the pipeline keeps reading. */
class ParserFuzzTest {

    private static final List<LineParser> PARSERS = List.of(
            NginxLogFormat.compile(LogPipelineTest.MAIN).parser(),
            NginxLogFormat.preset("combined").parser(),
            new JsonLineParser(),
            new RegexLineParser("^(?P<ip>\\S+) .*\"(?P<request>[^\"]*)\" (?P<status>\\d{3})"));

    @Provide
    Arbitrary<String> hostileLines() {
        Arbitrary<String> nearMiss = Arbitraries.strings().withChars("\"[]- $:,{}\\x0123456789GETPOST/")
                .ofMaxLength(300);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(500);
        Arbitrary<String> brokenJson = Arbitraries.strings().withChars("{}[]\":,0123456789.truefalsenull\\ab")
                .ofMaxLength(400);
        Arbitrary<String> validPrefix = nearMiss.map(s -> "127.0.0.1 - - [01/Jan/2025:00:00:00 +0000] \"GET " + s);
        return Arbitraries.frequencyOf(Tuple.of(3, nearMiss), Tuple.of(2, anything), Tuple.of(2, brokenJson),
                Tuple.of(2, validPrefix));
    }

    @Property(tries = 2000)
    void parsersNeverThrowOnHostileLines(@ForAll("hostileLines") String line) {
        for (LineParser parser : PARSERS) {
            assertThat(parser.parse(line)).isNotNull();
        }
    }

    @Property(tries = 5)
    void parsersHandleMegabyteLines(@ForAll("hostileLines") String seed) {
        String huge = (seed + "\"{[ ").repeat(1 + 1_000_000 / (seed.length() + 4));
        for (LineParser parser : PARSERS) {
            ParseResult result = parser.parse(huge);
            assertThat(result).isNotNull();
        }
        assertThat(new JsonLineParser().parse("{\"a\":\"" + "x".repeat(1_000_000) + "\"}"))
                .isInstanceOf(ParseResult.Parsed.class);
    }

    @Property(tries = 30)
    void binaryGarbageThroughTheWholePipelineIsCountedNotThrown(
            @ForAll("garbage") byte[] garbage) throws IOException {
        Path dir = Files.createTempDirectory("fuzz");
        try {
            Path log = dir.resolve("access.log");
            Files.write(log, garbage);
            Files.write(log, "\n127.0.0.1 - - [01/Jan/2025:00:00:00 +0000] \"GET /cart HTTP/1.1\" 200 1 \"-\" \"-\"\n"
                    .getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
            for (LineParser parser : PARSERS) {
                try (LogPipeline pipeline = new LogPipeline(
                        TailerConfig.of(List.of(log.toString()), dir.resolve(parser.hashCode() + ".state"))
                                .withMaxLineBytes(64 * 1024),
                        parser,
                        new MetricRules(List.of(FieldDerivation.route("route", "path",
                                RouteClassifier.marketplaceDefaults())),
                                List.of(MetricRule.counter("requests", "").labelFromField("route").build())),
                        MutableClock.atEpoch())) {
                    pipeline.poll();
                    var stats = pipeline.fileStats().get(0);
                    long newlines = 0;
                    for (byte b : garbage) {
                        newlines += b == '\n' ? 1 : 0;
                    }
                    // every line is either read or skipped as too long; the valid last line always arrives
                    assertThat(stats.linesRead() + stats.skipped("too_long")).isEqualTo(newlines + 2);
                    assertThat(stats.bytesRead()).isEqualTo(Files.size(log));
                }
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> large = Arbitraries.bytes().array(byte[].class).ofMinSize(100_000).ofMaxSize(300_000);
        return Arbitraries.frequencyOf(Tuple.of(5, small), Tuple.of(1, large));
    }
}
