package com.saypro.monitor.logengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Numbers read in place from a parsed nginx line ({@code Fields.number}, no field String made) equal the simple path
 * ({@code FieldValues.number(fields.get(name))}) for every field of random lines, odd values included.
 */
class InPlaceNumbersTest {

    private static final String MAIN = "$remote_addr - $remote_user [$time_local] \"$request\" $status "
            + "$body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr "
            + "$upstream_response_time";
    private static final LineParser PARSER = NginxLogFormat.compile(MAIN).parser();
    private static final List<String> FIELDS = NginxLogFormatParser.fieldNames(NginxLogFormat.compile(MAIN)
            .variables());

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("-", "", "0.003", "12", "1.", ".5", "0.010, 0.020 : 0.003", "1e3", " 1.5", "1.5 ",
                        "0000000000000001.5", "12345678901234567", "123456789012345.6", "1..2", "NaN", "\\x22",
                        "-1", "+1", "0x1A", "١٢", "1,5"),
                Arbitraries.strings().withChars("0123456789.,: -").ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> v = values();
        return Combinators.combine(v, v, v, v, v, v, v).as((status, bytes, requestTime, upstreamTime, referer,
                agent, path) -> "10.0.0.1 - - [24/Nov/2026:02:00:00 +0000] \"GET /" + path + " HTTP/1.1\" " + status
                        + " " + bytes + " \"" + referer + "\" \"" + agent + "\" " + requestTime + " 10.0.0.2:80 "
                        + upstreamTime);
    }

    @Property(tries = 3000)
    void inPlaceNumbersEqualTheSimplePath(@ForAll("lines") String line) {
        // as the tailer delivers it: bytes decoded as UTF-8 (invalid sequences become U+FFFD)
        String decoded = new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        for (String field : FIELDS) {
            if (!(PARSER.parse(decoded) instanceof ParseResult.Parsed fast)) {
                return; // lines that do not parse have no fields: nothing to compare
            }
            ParseResult.Parsed simple = (ParseResult.Parsed) PARSER.parse(decoded);
            // the same bits: NaN for NaN, and no rounding difference
            assertThat(Double.doubleToLongBits(fast.fields().number(field))).as("%s in %s", field, decoded)
                    .isEqualTo(Double.doubleToLongBits(FieldValues.number(simple.fields().get(field))));
        }
    }

    @Test
    void aPlainTimeIsReadInPlaceAndTheRestAsBefore() {
        Fields fields = ((ParseResult.Parsed) PARSER.parse("10.0.0.1 - - [24/Nov/2026:02:00:00 +0000] \"GET / HTTP/1.1\""
                + " 200 512 \"-\" \"curl\" 0.070 10.0.0.4:8080, 10.0.0.5:8080 0.010, 0.053")).fields();
        assertThat(fields.number("request_time")).isEqualTo(0.070);
        assertThat(fields.number("body_bytes_sent")).isEqualTo(512.0);
        assertThat(fields.number("upstream_response_time")).isEqualTo(0.063, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fields.number("remote_user")).isNaN();
        assertThat(fields.number("no_such_field")).isNaN();
    }
}
