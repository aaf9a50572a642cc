package com.saypro.monitor.logengine.config;

import com.google.re2j.Pattern;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.logengine.parse.LogFormatException;

/**
 * Reads a source's {@code parser}: a word ({@code combined}, {@code common}, {@code json}) or a map.
 *
 * <pre>
 * parser: combined
 * parser: {type: nginx, log_format: '$remote_addr - $remote_user [$time_local] "$request" $status ...'}
 * parser: {type: regex, regex: '^(?P&lt;ip&gt;\S+) .* (?P&lt;status&gt;\d{3})$'}
 * </pre>
 */
final class ParserReader {

    static final String KINDS = "combined, common, json, nginx (with log_format), regex (with regex)";

    private ParserReader() {
    }

    static SourceParser read(ConfigNode node) throws ConfigException {
        if (node.kind() == ConfigNode.Kind.SCALAR) {
            return switch (node.asString()) {
                case "combined", "common" -> SourceParser.nginx(node.asString());
                case "json" -> SourceParser.json();
                default -> throw node.invalid("is not a parser (use " + KINDS + ")");
            };
        }
        ConfigNode map = node.asMap();
        ConfigNode type = map.require("type");
        switch (type.asString()) {
            case "nginx" -> {
                ConfigNode format = map.require("log_format");
                try {
                    return SourceParser.nginx(format.asString());
                } catch (LogFormatException e) {
                    throw format.invalid("is not a valid nginx log_format: " + e.getMessage());
                }
            }
            case "combined", "common" -> {
                return SourceParser.nginx(type.asString());
            }
            case "json" -> {
                return SourceParser.json();
            }
            case "regex" -> {
                ConfigNode regex = map.require("regex");
                Pattern pattern = Regexes.compile(regex); // RE2/J's own message for syntax errors
                try {
                    return SourceParser.regex(pattern);
                } catch (LogFormatException e) {
                    throw regex.invalid(e.getMessage());
                }
            }
            default -> throw type.invalid("is not a parser type (use " + KINDS + ")");
        }
    }
}
