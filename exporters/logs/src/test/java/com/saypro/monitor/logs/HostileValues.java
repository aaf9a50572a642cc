package com.saypro.monitor.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Keys and values of every type and shape for the config fuzzers, including the hostile ones. */
final class HostileValues {

    private HostileValues() {
    }

    /** Key names: the config's own (in the wrong place), near misses, and random ones. */
    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.of("name", "paths", "parser", "preset", "rules", "labels", "when", "type", "value",
                        "buckets", "regex", "log_format", "routes", "derive", "table", "lookup", "route_of",
                        "status_class_of", "last_of", "default", "matches", "equals", "present", "not", "field",
                        "max_series", "sources", "collectors", "enabled", "poll_interval", "state_directory",
                        "jvm_metrics", "scrape", "timeout_offset", "<<", "", " ", "~", "null", "1", "true"),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(16));
    }

    /** Values of every type and shape, including the hostile ones. */
    static Arbitrary<Object> values() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                () -> Arbitraries.strings().all().ofMaxLength(40).map(s -> (Object) s),
                () -> oddUnicode().map(s -> (Object) s),
                () -> hugeStrings().map(s -> (Object) s),
                () -> logFormats().map(s -> (Object) s),
                () -> regexes().map(s -> (Object) s),
                () -> Arbitraries.of("0", "-1", "0s", "-5s", "1e400", "NaN", ".inf", "-.inf", "99999999999999999999",
                        "250ms", "5m", "1d", "P1D", "beginning", "end", "counter", "gauge", "histogram", "summary",
                        "nginx", "json", "regex", "combined", "common", "marketplace_access", "marketplace_app",
                        "saypro_x_total", "saypro_x", "route", "status", "path", "${HOME}", "${UNSET}", "$$", "$",
                        "~", "null", "yes", "no", "on", "0x1F", "0o17", "1_000").map(s -> (Object) s),
                () -> Arbitraries.oneOf(Arbitraries.longs().map(l -> (Object) l),
                        Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 1L << 40).map(l -> (Object) l)),
                () -> Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300, 4.9e-324, 0.1)
                        .map(d -> (Object) d),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> Arbitraries.just(null),
                () -> values().list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
                () -> Combinators.combine(keys(), values()).as((k, v) -> (Object) ConfigTrees.map(k, v)),
                () -> Arbitraries.just(List.of()).map(l -> (Object) new ArrayList<>()),
                () -> Arbitraries.just(Map.of()).map(m -> (Object) new LinkedHashMap<>()),
                () -> Arbitraries.create(ConfigTrees::base));
    }

    static Arbitrary<String> oddUnicode() {
        return Arbitraries.strings().withChars('\u0000', '\u0007', '\t', '\r', '\u0085', '\u00a0', '\u200b',
                '\u200d', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd', '\uffff', '\ud800', '\udc00', 'é',
                'ß', 'ǅ', 'İ', 'ı', 'K', '\u0301', '$', '{', '}', '"', '\'', '\\', 'a', '_', ' ')
                .ofMaxLength(30)
                .injectDuplicates(0.1)
                .edgeCases(e -> e.add("\ud83d\ude00_total"));
    }

    static Arbitrary<String> hugeStrings() {
        return Combinators.combine(Arbitraries.of("a", "$status ", "(?P<x>a)", "é", "\ud83d\ude00", "(", "[", "/"),
                Arbitraries.of(10_000, 100_000, 500_000)).as(String::repeat);
    }

    /** Fragments of nginx log_format strings put together in any order. */
    static Arbitrary<String> logFormats() {
        return Arbitraries.of("$remote_addr", "$status", "$request", "$request_time", "$$", "$${request_time}",
                        "$${", "}", "$", "$ ", "\"", "[", "]", " ", " - ", "$time_local", "log_format main '",
                        "';", "'", "\\", "\\\"", "$1", "$_", "$upstream_addr", "$upstream_response_time",
                        "$body_bytes_sent", "$http_user_agent", "$a" + "b".repeat(300), "$é", "${HOME}", "\t",
                        "\n", "escape=json", "$${}", "$$$")
                .list().ofMaxSize(24).map(parts -> String.join("", parts));
    }

    /** Fragments of RE2 syntax, valid and not, including the ones that blow up backtracking engines. */
    static Arbitrary<String> regexes() {
        return Arbitraries.of("(?P<status>", "(?P<path>", "(?P<", "(?P<a>x)", ">", "(", ")", "*", "+", "?", "*?",
                        "{1000}", "{1001}", "{2,1}", "{,}", "{99999999999}", "\\", "[", "]", "[^", "\\p{", "\\pL",
                        "\\Q", "\\E", "(?i)", "(?s)", "(?=", "(?<name>", "\\1", "|", ".", "a", "\\d+", "\\S+", "^",
                        "$", "(a*)*", "(a|a)*", "((((((((((", "x{1000}{1000}", "(x{1000}){1000}", "\\C", "\\z",
                        "[[:alpha:]]", "[[:nope:]]", "\\x{110000}", "é", "\ud83d\ude00")
                .list().ofMaxSize(20).map(parts -> String.join("", parts));
    }
}
