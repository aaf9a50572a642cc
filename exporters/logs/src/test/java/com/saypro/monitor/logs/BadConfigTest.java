package com.saypro.monitor.logs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad config fails start-up with exactly this one line: file, line, YAML path, the offending part. */
class BadConfigTest {

    @TempDir
    Path dir;

    private static final String SOURCE = "sources:\\n  - name: access\\n    paths: [access.log]\\n";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            PARSER    parser: {type: nginx, log_format: '$remote_addr $${oops'}                  | config.yml:4: sources[0].parser.log_format: "$remote_addr $${oops" is not a valid nginx log_format: unterminated '${' at column 14: '${oops'
            PARSER    parser: {type: nginx, log_format: '$remote_addr $ $status'}                | config.yml:4: sources[0].parser.log_format: "$remote_addr $ $status" is not a valid nginx log_format: unknown variable style at column 14: '$ $status' (expected $name or ${name})
            PARSER    parser: {type: nginx, log_format: '$remote_addr$status'}                   | config.yml:4: sources[0].parser.log_format: "$remote_addr$status" is not a valid nginx log_format: variables $remote_addr and $status at column 13 have no separator between them; the values cannot be told apart
            PARSER    parser: {type: nginx, log_format: '"$request $status'}                     | config.yml:4: sources[0].parser.log_format: "\\"$request $status" is not a valid nginx log_format: unbalanced quotes: '"' at column 1 is never closed: '"$request $status'
            PARSER    parser: {type: regex, regex: '(?P<status>\\d+'}                            | config.yml:4: sources[0].parser.regex: "(?P<status>\\\\d+" is not a valid RE2 regex: error parsing regexp: missing closing ): `(?P<status>\\d+`
            PARSER    parser: {type: regex, regex: '(a)(b)'}                                     | config.yml:4: sources[0].parser.regex: "(a)(b)" regex has no named groups, e.g. (?P<status>\\d+): (a)(b)
            PARSER    parser: xml                                                                | config.yml:4: sources[0].parser: "xml" is not a parser (use combined, common, json, nginx (with log_format), regex (with regex))
            PARSER    parser: {type: nginx}                                                      | config.yml:4: sources[0].parser: missing required key "log_format"
            NOPARSER  pathz: [x]                                                                 | config.yml:4: sources[0].pathz: unknown key (allowed: name, paths, checkpoint_interval, rotated_file_grace, max_line_bytes, start_position, preset, parser, routes, default_routes, derive, max_series, max_label_value_length, rules)
            NOPARSER  preset: marketplace_acces                                                  | config.yml:4: sources[0].preset: "marketplace_acces" is not a preset (known: marketplace_access, marketplace_app)
            NOPARSER  routes: [{route: checkout, regex: '^/(buy'}]                              | config.yml:4: sources[0].routes[0].regex: "^/(buy" is not a valid RE2 regex: error parsing regexp: missing closing ): `^/(buy`
            NOPARSER  routes: [{route: Check Out, regex: '^/buy'}]                              | config.yml:4: sources[0].routes[0].route: "Check Out" is not a route name (use lower case letters, digits and _; it becomes a label value)
            RULE      [rout]                                                                     | config.yml:6: sources[0].rules[0].labels[0]: "rout" is not a field of this source (fields: remote_addr, remote_user, time_local, request, status, body_bytes_sent, http_referer, http_user_agent, request_time, upstream_addr, upstream_response_time, upstream_status, method, path, protocol, upstream_response_time_sum, upstream_attempts, route, status_class, upstream, upstream_time)
            RULE      [route, route]                                                             | config.yml:6: sources[0].rules[0].labels[1]: "route" is declared twice
            RULE      [{name: le, field: route}]                                                 | config.yml:6: sources[0].rules[0].labels[0].name: "le" is not a label name (lower case letters, digits and _; not le, not starting with __)
            RULE      [{name: site}]                                                             | config.yml:6: sources[0].rules[0].labels[0]: needs either "field" (the label's value comes from it) or "value" (a constant)
            NAME      shop_slow_total                                                            | config.yml:6: sources[0].rules[0].name: "shop_slow_total" is not a metric name of this suite (saypro_ followed by lower case letters, digits and _)
            NAME      saypro_shop_slow                                                           | config.yml:6: sources[0].rules[0].name: "saypro_shop_slow" is a counter: its name must end in _total
            NAME      saypro_http_requests_total                                                 | config.yml:6: sources[0].rules[0].name: "saypro_http_requests_total" is already defined by sources[0] (a metric name can be used once)
            TYPED     type: gauge                                                                | config.yml:6: sources[0].rules[0]: a gauge needs "value": the field holding the number
            TYPED     type: histogram, value: request_time, buckets: [1, 0.5]                    | config.yml:6: sources[0].rules[0].buckets[1]: "0.5" must be greater than the bucket before it (buckets go up)
            TYPED     type: gauge, value: status, when: [{field: route, equals: cart, present: true}]                   | config.yml:6: sources[0].rules[0].when[0]: needs exactly one of equals, matches, present, not [equals, present]
            TYPED     type: gauge, value: status, when: [{field: path, matches: '[a-'}]                             | config.yml:6: sources[0].rules[0].when[0].matches: "[a-" is not a valid RE2 regex: error parsing regexp: missing closing ]: `[a-`
            TYPED     type: gauge, value: request_tim                                                   | config.yml:6: sources[0].rules[0].value: "request_tim" is not a field of this source (fields: remote_addr, remote_user, time_local, request, status, body_bytes_sent, http_referer, http_user_agent, request_time, upstream_addr, upstream_response_time, upstream_status, method, path, protocol, upstream_response_time_sum, upstream_attempts, route, status_class, upstream, upstream_time)
            TOP       poll_interval: 0                                                           | config.yml:1: poll_interval: "0" must be greater than zero (use 500ms, 5s, 1m)
            TOP       sources:\\n  - {name: a, paths: [a.log], preset: marketplace_app}\\n  - {name: b, paths: [b.log], preset: marketplace_app} | config.yml:3: sources[1].preset: "marketplace_app" is already used by sources[0] (its metric saypro_app_payment_errors_total can come from one source only; give that source several paths or a glob instead)
            TOP       sources:\\n  - {name: a, paths: [a.log], parser: json}\\n  - {name: a, paths: [b.log], parser: json} | config.yml:3: sources[1].name: "a" is already the name of sources[0] (names must be unique: each source has its own state file)
            TOP       sources:\\n  - {name: a, paths: [a.log]}                                     | config.yml:2: sources[0]: missing required key "parser" (combined, common, json, nginx (with log_format), regex (with regex)), or a "preset"
            TOP       sources:\\n  - {name: a, paths: [], parser: json}                            | config.yml:2: sources[0].paths: must name at least one file or glob
            TOP       sources:\\n  - {name: A-1, paths: [a.log], parser: json}                     | config.yml:2: sources[0].name: "A-1" is not a source name (lower case letters, digits and _, starting with a letter)
            """)
    void badConfigFailsStartUpWithThisMessage(String yaml, String message) throws Exception {
        String config = expand(yaml);
        assertThatThrownBy(() -> ExporterTestKit.builder(new LogsExporterDefinition()).directory(dir).config(config)
                .start().close())
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
        try (var files = Files.list(dir)) {
            files.forEach(f -> org.assertj.core.api.Assertions.assertThat(f.getFileName().toString())
                    .as("a rejected config opens nothing and writes no state").isEqualTo("config.yml"));
        }
    }

    @org.junit.jupiter.api.Test
    void aRegexLongerThanTheCapIsRefusedBeforeCompiling() {
        // RE2/J's compile time grows faster than the pattern: a 500,000-character route regex used to stall start-up
        String config = expand("NOPARSER routes: [{route: buy, regex: '" + "a".repeat(500_000) + "'}]");
        assertThatThrownBy(() -> ExporterTestKit.builder(new LogsExporterDefinition()).directory(dir).config(config)
                .start().close())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yml:4: sources[0].routes[0].regex: ")
                .hasMessageEndingWith("is 500000 characters long; a regex may have at most 4096");
    }

    /** Short forms: PARSER/NOPARSER add a source line, RULE labels, NAME a rule name, TYPED rule keys. */
    private static String expand(String yaml) {
        String[] parts = yaml.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        String text = switch (parts[0]) {
            case "PARSER" -> SOURCE + "    " + rest;
            case "NOPARSER" -> SOURCE + "    " + rest + "\\n    parser: combined";
            case "RULE" -> SOURCE + "    preset: marketplace_access\\n    rules:\\n      - {name: saypro_x_total, labels: "
                    + rest + "}";
            case "NAME" -> SOURCE + "    preset: marketplace_access\\n    rules:\\n      - {name: " + rest + "}";
            case "TYPED" -> SOURCE + "    preset: marketplace_access\\n    rules:\\n      - {name: saypro_x, "
                    + rest + "}";
            default -> rest;
        };
        return text.replace("\\n", "\n");
    }
}
