package com.saypro.monitor.logengine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing what a real nginx wrote (fixtures captured once from nginx 1.22, see resources/nginx/README.md). */
class NginxLogFormatTest {

    static final String MAIN = "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr $upstream_response_time";

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = NginxLogFormatTest.class.getResourceAsStream("/nginx/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Fields parsed(LineParser parser, String line) {
        ParseResult result = parser.parse(line);
        assertThat(result).as(line).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).fields();
    }

    @Test
    void everyLineNginxWroteWithTheMainFormatParses() throws IOException {
        LineParser parser = NginxLogFormat.compile(MAIN).parser();
        List<String> lines = fixture("access-main.log");
        assertThat(lines).hasSize(10);
        lines.forEach(line -> parsed(parser, line));
    }

    @Test
    void requestIsSplitAndUpstreamListsStayWhole() throws IOException {
        LineParser parser = NginxLogFormat.compile(MAIN).parser();
        Fields first = parsed(parser, fixture("access-main.log").get(0));

        assertThat(first.get("remote_addr")).isEqualTo("127.0.0.1");
        assertThat(first.get("time_local")).isEqualTo("24/Nov/2026:02:12:53 +0000");
        assertThat(first.get("request")).isEqualTo("GET /products/12345?color=red&size=m HTTP/1.1");
        assertThat(first.get("method")).isEqualTo("GET");
        assertThat(first.get("path")).isEqualTo("/products/12345");
        assertThat(first.get("protocol")).isEqualTo("HTTP/1.1");
        assertThat(first.get("status")).isEqualTo("200");
        assertThat(first.get("request_time")).isEqualTo("0.002");
        assertThat(first.get("upstream_addr")).isEqualTo("127.0.0.1:18099, 127.0.0.1:18081");
        assertThat(first.get("upstream_response_time")).isEqualTo("0.001, 0.001");
        assertThat(first.get("upstream_response_time_sum")).isEqualTo("0.002");
        assertThat(first.get("upstream_attempts")).isEqualTo("2");
        assertThat(first.get("no_such_field")).isNull();
    }

    @Test
    void escapedQuotesDashesAndGarbageRequestsAreKeptAsNginxWroteThem() throws IOException {
        LineParser parser = NginxLogFormat.compile(MAIN).parser();
        List<String> lines = fixture("access-main.log");

        assertThat(parsed(parser, lines.get(1)).get("http_user_agent"))
                .isEqualTo("Mozilla/5.0 (X11; Linux x86_64) \\x22quoted\\x22 agent");
        Fields staticFile = parsed(parser, lines.get(3));
        assertThat(staticFile.get("upstream_addr")).isEqualTo("-");
        assertThat(staticFile.get("upstream_response_time_sum")).isNull();
        assertThat(staticFile.get("upstream_attempts")).isEqualTo("0");
        assertThat(parsed(parser, lines.get(6)).get("remote_user")).isEqualTo("alice");
        Fields garbage = parsed(parser, lines.get(8));
        assertThat(garbage.get("status")).isEqualTo("400");
        assertThat(garbage.get("method")).isNull();
        assertThat(parsed(parser, lines.get(9)).get("protocol")).isEqualTo("HTTP/1.0");
    }

    @Test
    void combinedPresetReadsNginxCombinedOutput() throws IOException {
        LineParser parser = NginxLogFormat.preset("combined").parser();
        Fields cart = parsed(parser, fixture("backend-combined.log").get(1));
        assertThat(cart.get("path")).isEqualTo("/cart");
        assertThat(cart.get("http_referer")).isEqualTo("https://shop.example/cart");
    }

    @Test
    void theDirectiveCanBePastedFromNginxConfAsItIs() {
        String directive = """
                log_format main '$remote_addr - $remote_user [$time_local] "$request" '
                                '$status $body_bytes_sent "$http_referer" '
                                '"$http_user_agent" $request_time $upstream_addr $upstream_response_time';
                """;
        assertThat(NginxLogFormat.compile(directive)).isEqualTo(NginxLogFormat.compile(MAIN));
        assertThat(NginxLogFormat.compile("${remote_addr} [${status}]").variables())
                .containsExactly("remote_addr", "status");
    }

    @Test
    void aLineOfAnotherFormatIsAFailureNotAnException() {
        LineParser parser = NginxLogFormat.compile(MAIN).parser();
        ParseResult result = parser.parse("2025-01-01 INFO something else entirely");
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed) result).reason()).isEqualTo("format_mismatch");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                      | log_format is empty
            '   '                                   | log_format is empty
            $remote_addr $%status                   | unknown variable style at column 14: '$%status'
            $remote_addr ${status                   | unterminated '${' at column 14: '${status'
            $remote_addr $1abc                      | unknown variable style at column 14: '$1abc'
            $remote_addr$status                     | variables $remote_addr and $status at column 13 have no separator
            "$request $status                       | unbalanced quotes: '"' at column 1 is never closed
            'just text, no variables'               | log_format has no variables
            log_format main '$remote_addr $status   | unbalanced quotes: "'" at column 1 is never closed
            """)
    void aBadFormatFailsWithAMessageNamingTheOffendingPart(String format, String message) {
        assertThatThrownBy(() -> NginxLogFormat.compile(format))
                .isInstanceOf(LogFormatException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownPresetNamesTheKnownOnes() {
        assertThatThrownBy(() -> NginxLogFormat.preset("fancy"))
                .hasMessageContaining("unknown log format preset 'fancy'").hasMessageContaining("combined");
    }
}
