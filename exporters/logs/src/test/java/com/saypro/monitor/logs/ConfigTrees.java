package com.saypro.monitor.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Config trees for {@link ConfigFuzzTest}: a valid log exporter config touching every section, mutations of it
 * (any node replaced, removed, wrapped, or given a random key) and edits of its YAML text. Trees are plain maps,
 * lists and scalars, written as flow YAML with double-quoted strings so any value, however odd, survives.
 */
final class ConfigTrees {

    private ConfigTrees() {
    }

    /** A valid config: presets, every parser kind, routes, derivations, every rule type and condition. */
    static Object base() {
        return map(
                "state_directory", "state",
                "poll_interval", "250ms",
                "sources", list(
                        map("name", "access", "preset", "marketplace_access", "paths", list("access.log"),
                                "routes", list(map("route", "buy", "regex", "^/buy(/|$)")),
                                "default_routes", true,
                                "derive", list(map("name", "action", "lookup", "status",
                                        "table", map("404", "missing"), "default", "other")),
                                "max_series", 100,
                                "max_label_value_length", 64,
                                "max_line_bytes", 65536,
                                "start_position", "end",
                                "checkpoint_interval", "0s",
                                "rotated_file_grace", "5m",
                                "rules", list(
                                        map("name", "saypro_shop_slow_total", "help", "Slow ones",
                                                "labels", list("route", map("name", "backend", "field", "upstream"),
                                                        map("name", "site", "value", "shop")),
                                                "when", list(map("field", "route", "equals", "checkout"),
                                                        map("field", "request_time", "matches", "^[1-9]"),
                                                        map("field", "upstream", "present", true))),
                                        map("name", "saypro_shop_time_seconds", "type", "histogram",
                                                "value", "request_time", "buckets", list(0.1, 1, 2.5),
                                                "max_series", 10),
                                        map("name", "saypro_shop_status", "type", "gauge", "value", "status"))),
                        map("name", "web", "paths", list("logs/*.log"),
                                "parser", map("type", "nginx",
                                        "log_format", "$remote_addr [$time_local] \"$request\" $status $$"
                                                + "{request_time}")),
                        map("name", "custom", "paths", list("custom.log"),
                                "parser", map("type", "regex", "regex", "^(?P<status>\\d+) (?P<path>\\S+)$"),
                                "derive", list(map("name", "route", "route_of", "path"))),
                        map("name", "app", "preset", "marketplace_app", "paths", list("app.log")),
                        map("name", "plain", "parser", "combined", "paths", list("plain.log"))),
                "collectors", map("rules", map("enabled", true), "tailing", map("enabled", true)));
    }

    /** The base config as block YAML, the way people write it: the raw material of the text edits. */
    static String blockYaml() {
        return """
                state_directory: state
                poll_interval: 250ms
                sources:
                  - name: access
                    preset: marketplace_access
                    paths: [access.log]
                    routes:
                      - {route: buy, regex: '^/buy(/|$)'}
                    derive:
                      - {name: action, lookup: status, table: {"404": missing}, default: other}
                    rules:
                      - name: saypro_shop_slow_total
                        labels: [route, {name: backend, field: upstream}]
                        when:
                          - {field: request_time, matches: '^[1-9]'}
                      - {name: saypro_shop_time_seconds, type: histogram, value: request_time, buckets: [0.1, 1]}
                  - name: web
                    paths:
                      - logs/*.log
                    parser:
                      type: nginx
                      log_format: '$remote_addr [$time_local] "$request" $status $${request_time}'
                  - name: custom
                    paths: [custom.log]
                    parser: {type: regex, regex: '^(?P<status>\\d+) (?P<path>\\S+)$'}
                collectors:
                  tailing: {enabled: true}
                """;
    }

    /** One change to a tree: {@code where} picks the node (modulo the node count). */
    record Mutation(Kind kind, int where, String key, Object value) {

        enum Kind { REPLACE, ADD_KEY, REMOVE, WRAP_IN_LIST, RENAME_KEY }

        Object apply(Object tree) {
            // a fresh copy: jqwik may hand the same value object to two mutations (duplicates in a list), and
            // adding a value into itself would make the tree a cycle
            Object value = copy(this.value);
            List<Slot> slots = new ArrayList<>();
            collect(tree, null, null, slots);
            if (slots.isEmpty()) {
                return value;
            }
            Slot slot = slots.get(Math.floorMod(where, slots.size()));
            Object node = slot.get();
            switch (kind) {
                case REPLACE -> {
                    if (slot.isRoot()) {
                        return value;
                    }
                    slot.set(value);
                }
                case ADD_KEY -> {
                    if (node instanceof Map<?, ?> m) {
                        castMap(m).put(key, value);
                    } else if (node instanceof List<?> l) {
                        castList(l).add(value);
                    } else if (!slot.isRoot()) {
                        slot.set(value);
                    }
                }
                case REMOVE -> slot.remove();
                case WRAP_IN_LIST -> {
                    if (slot.isRoot()) {
                        return list(node);
                    }
                    slot.set(list(node));
                }
                case RENAME_KEY -> slot.rename(key);
            }
            return tree;
        }
    }

    /** A place in a tree: a map entry or a list item (or the root, with no parent). */
    private record Slot(Object parent, Object keyOrIndex, Object node) {

        boolean isRoot() {
            return parent == null;
        }

        Object get() {
            return node;
        }

        void set(Object value) {
            if (parent instanceof Map<?, ?> m) {
                castMap(m).put((String) keyOrIndex, value);
            } else if (parent instanceof List<?> l) {
                castList(l).set((Integer) keyOrIndex, value);
            }
        }

        void remove() {
            if (parent instanceof Map<?, ?> m) {
                m.remove(keyOrIndex);
            } else if (parent instanceof List<?> l) {
                l.remove((int) (Integer) keyOrIndex);
            }
        }

        void rename(String newKey) {
            if (parent instanceof Map<?, ?> m && !m.containsKey(newKey)) {
                Map<String, Object> map = castMap(m);
                Map<String, Object> copy = new LinkedHashMap<>(map);
                map.clear();
                copy.forEach((k, v) -> map.put(k.equals(keyOrIndex) ? newKey : k, v));
            }
        }
    }

    private static void collect(Object node, Object parent, Object keyOrIndex, List<Slot> slots) {
        slots.add(new Slot(parent, keyOrIndex, node));
        if (node instanceof Map<?, ?> m) {
            for (Object key : new ArrayList<>(m.keySet())) {
                collect(m.get(key), node, key, slots);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collect(l.get(i), node, i, slots);
            }
        }
    }

    static Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.integers(), keys(), values())
                .as(Mutation::new);
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
                () -> Combinators.combine(keys(), values()).as((k, v) -> (Object) map(k, v)),
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

    /** One edit of YAML text: {@code where} picks the place (modulo the length). */
    record TextEdit(EditKind kind, int where, int length, String text) {

        enum EditKind { INSERT, DELETE, TRUNCATE, DUPLICATE_LINE, TAB_INDENT, REPLACE_CHAR }

        String apply(String yaml) {
            if (yaml.isEmpty()) {
                return text;
            }
            int at = Math.floorMod(where, yaml.length());
            return switch (kind) {
                case INSERT -> yaml.substring(0, at) + text + yaml.substring(at);
                case DELETE -> yaml.substring(0, at) + yaml.substring(Math.min(yaml.length(), at + length));
                case TRUNCATE -> yaml.substring(0, at);
                case DUPLICATE_LINE -> {
                    String[] lines = yaml.split("\n", -1);
                    int line = Math.floorMod(where, lines.length);
                    List<String> out = new ArrayList<>(List.of(lines));
                    out.add(line, lines[line]);
                    yield String.join("\n", out);
                }
                case TAB_INDENT -> yaml.replaceFirst("\n  ", "\n\t");
                case REPLACE_CHAR -> yaml.substring(0, at) + (text.isEmpty() ? "" : text.substring(0, 1))
                        + yaml.substring(at + 1);
            };
        }
    }

    static Arbitrary<TextEdit> textEdits() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of(":", "- ", "{", "}", "[", "]", "'", "\"", "&a ", "*a", "!!binary ", "!!python/object ",
                        "---\n", "...\n", "? ", "|\n", ">-\n", "%YAML 1.1\n", "#", "\t", "\n", "\u0000", "\ufeff",
                        "<<: *a\n", "key: value\n", "  - x\n", "$", "${", "$${"),
                Arbitraries.strings().ofMaxLength(8),
                oddUnicode(),
                regexes(),
                logFormats());
        return Combinators.combine(Arbitraries.of(TextEdit.EditKind.class), Arbitraries.integers(),
                Arbitraries.integers().between(1, 40), text).as(TextEdit::new);
    }

    /** Flow YAML: maps and lists in braces and brackets, strings double-quoted with escapes for the odd ones. */
    static String yaml(Object tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out);
        return out.append('\n').toString();
    }

    private static void write(Object node, StringBuilder out) {
        if (node == null) {
            out.append("null");
        } else if (node instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(l.get(i), out);
            }
            out.append(']');
        } else if (node instanceof Double d) {
            out.append(d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf") : d.toString());
        } else if (node instanceof Number || node instanceof Boolean) {
            out.append(node);
        } else {
            quote(node.toString(), out);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) && !validPair(s, i)
                    || c == '\ufeff' || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean validPair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** A deep copy of a tree of maps and lists; scalars are immutable and kept. */
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return node;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(java.util.Arrays.asList(items));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }
}
