package com.saypro.monitor.logengine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonAndRegexParserTest {

    private static Fields parsed(LineParser parser, String line) {
        ParseResult result = parser.parse(line);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).fields();
    }

    private static String failure(LineParser parser, String line) {
        ParseResult result = parser.parse(line);
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) result).reason();
    }

    @Test
    void jsonFieldsAreAddressedByDottedPathAndFlattenedKeysWin() {
        Fields fields = parsed(new JsonLineParser(), """
                {"level":"info","http":{"request":{"method":"POST","path":"/cart"},"status":201},
                 "duration.seconds":0.25,"tags":["a","b"],"user":null}""".replace("\n", ""));
        assertThat(fields.get("level")).isEqualTo("info");
        assertThat(fields.get("http.request.method")).isEqualTo("POST");
        assertThat(fields.get("http.status")).isEqualTo("201");
        assertThat(fields.get("duration.seconds")).isEqualTo("0.25");
        assertThat(fields.get("tags")).isEqualTo("[\"a\",\"b\"]");
        assertThat(fields.get("user")).isNull();
        assertThat(fields.get("http.request.missing")).isNull();
        assertThat(fields.get("level.deeper")).isNull();
    }

    @Test
    void brokenJsonIsAFailureWithAReason() {
        JsonLineParser parser = new JsonLineParser();
        assertThat(failure(parser, "{\"a\":")).isEqualTo("json_syntax");
        assertThat(failure(parser, "{\"a\":1} trailing")).isEqualTo("json_syntax");
        assertThat(failure(parser, "")).isEqualTo("json_not_object");
        assertThat(failure(parser, "[1,2]")).isEqualTo("json_not_object");
        assertThat(failure(parser, "[".repeat(100_000))).isEqualTo("json_syntax");
    }

    @Test
    void regexNamedGroupsBecomeFields() {
        RegexLineParser parser = new RegexLineParser(
                "^(?P<time>\\S+) (?P<level>[A-Z]+) user=(?P<user>\\w+)(?: ip=(?P<ip>[0-9.]+))?");
        Fields fields = parsed(parser, "2025-01-01T10:00:00Z WARN user=bob failed login");
        assertThat(fields.get("level")).isEqualTo("WARN");
        assertThat(fields.get("user")).isEqualTo("bob");
        assertThat(fields.get("ip")).isNull();
        assertThat(failure(parser, "no match here")).isEqualTo("no_match");
    }

    @Test
    void aRegexWithoutNamedGroupsOrWithBadSyntaxIsRejected() {
        assertThatThrownBy(() -> new RegexLineParser("(\\d+)")).hasMessageContaining("no named groups");
        assertThatThrownBy(() -> new RegexLineParser("(?P<a>x")).hasMessageContaining("invalid regex");
        // backreferences would need backtracking; RE2 refuses them instead of risking exponential time
        assertThatThrownBy(() -> new RegexLineParser("(?P<a>x)\\1")).hasMessageContaining("invalid regex");
    }
}
