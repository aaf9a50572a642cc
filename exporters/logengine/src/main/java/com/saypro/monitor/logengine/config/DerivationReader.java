package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import com.saypro.monitor.logengine.rules.RouteRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a source's {@code routes} (route classification overrides) and {@code derive} (computed fields).
 *
 * <pre>
 * routes:                       # tried in order, before the built-in marketplace routes
 *   - {route: checkout, regex: '^/buy(/|$)'}
 * default_routes: true          # false: only the routes above, then "other"
 * derive:
 *   - {name: action, lookup: event, table: {login_failed: login}, default: other}
 *   - {name: route, route_of: uri}
 *   - {name: status_class, status_class_of: code}
 *   - {name: backend, last_of: upstream_addr}
 * </pre>
 */
final class DerivationReader {

    static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String KINDS = "route_of, status_class_of, last_of, lookup";

    private DerivationReader() {
    }

    static RouteClassifier routes(ConfigNode source) throws ConfigException {
        List<RouteRule> rules = new ArrayList<>();
        for (ConfigNode item : Nodes.items(source, "routes")) {
            ConfigNode map = item.asMap();
            ConfigNode route = map.require("route");
            if (!NAME.matcher(route.asString()).matches()) {
                throw route.invalid("is not a route name (use lower case letters, digits and _; it becomes a label"
                        + " value)");
            }
            rules.add(new RouteRule(route.asString(), Regexes.compile(map.require("regex"))));
        }
        boolean defaults = source.bool("default_routes", true);
        if (rules.size() + (defaults ? RouteClassifier.DEFAULT_RULE_COUNT : 0) > 64) {
            throw source.require("routes").error("at most " + (64 - RouteClassifier.DEFAULT_RULE_COUNT)
                    + " routes besides the defaults (a route regex may use | alternatives)");
        }
        // with the defaults, their patterns are not compiled: MarketplaceRoutes answers as they would
        return defaults ? RouteClassifier.withDefaults(rules, RouteClassifier.OTHER)
                : new RouteClassifier(rules, RouteClassifier.OTHER);
    }

    static List<FieldDerivation> derive(ConfigNode source, RouteClassifier routes, FieldCheck fields)
            throws ConfigException {
        List<FieldDerivation> result = new ArrayList<>();
        for (ConfigNode item : Nodes.items(source, "derive")) {
            ConfigNode map = item.asMap();
            ConfigNode nameNode = map.require("name");
            String name = nameNode.asString();
            if (!NAME.matcher(name).matches()) {
                throw nameNode.invalid("is not a field name (use lower case letters, digits and _)");
            }
            List<String> kinds = new ArrayList<>();
            for (String kind : List.of("route_of", "status_class_of", "last_of", "lookup")) {
                if (map.has(kind)) {
                    kinds.add(kind);
                }
            }
            if (kinds.size() != 1) {
                throw map.error("needs exactly one of " + KINDS + (kinds.isEmpty() ? "" : ", not " + kinds));
            }
            ConfigNode from = map.require(kinds.get(0));
            fields.check(from);
            result.add(switch (kinds.get(0)) {
                case "route_of" -> FieldDerivation.route(name, from.asString(), routes);
                case "status_class_of" -> FieldDerivation.statusClass(name, from.asString());
                case "last_of" -> FieldDerivation.lastListItem(name, from.asString());
                default -> FieldDerivation.lookup(name, from.asString(), table(map.require("table")),
                        map.string("default", null));
            });
            fields.add(name);
        }
        return result;
    }

    private static Map<String, String> table(ConfigNode node) throws ConfigException {
        Map<String, String> table = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> entry : node.asMap().entries().entrySet()) {
            table.put(entry.getKey(), entry.getValue().asString());
        }
        if (table.isEmpty()) {
            throw node.error("must map at least one value");
        }
        return table;
    }
}
