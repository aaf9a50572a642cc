package com.saypro.monitor.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw material of {@link ConfigFuzzTest}: a valid log exporter config touching every section, as a tree of plain
 * maps, lists and scalars (for {@link TreeMutation}, written out by {@link FlowYaml}) and as block YAML text (for
 * {@link TextEdit}).
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
    static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }
}
