package com.saypro.monitor.logengine.config;

import com.google.re2j.Pattern;
import com.saypro.monitor.logengine.parse.JsonLineParser;
import com.saypro.monitor.logengine.parse.LineParser;
import com.saypro.monitor.logengine.parse.NginxLogFormat;
import com.saypro.monitor.logengine.parse.RegexLineParser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A source's parser and, when the format fixes them, the fields its lines have (JSON lines can have any field, so
 * there rules are not checked against a field list).
 *
 * @param kind   {@code nginx} (also {@code combined} and {@code common}), {@code json} or {@code regex}
 * @param fields the field names every parsed line offers, or empty when unknown in advance
 */
public record SourceParser(String kind, LineParser parser, Optional<Set<String>> fields) {

    public SourceParser {
        fields = fields.map(f -> java.util.Collections.unmodifiableSet(new LinkedHashSet<>(f))); // in format order
    }

    /** An nginx {@code log_format} (the string, the whole directive, or {@code combined}/{@code common}). */
    public static SourceParser nginx(String format) {
        NginxLogFormat compiled = isPreset(format) ? NginxLogFormat.preset(format) : NginxLogFormat.compile(format);
        return new SourceParser("nginx", compiled.parser(), Optional.of(new LinkedHashSet<>(compiled.fieldNames())));
    }

    public static SourceParser json() {
        return new SourceParser("json", new JsonLineParser(), Optional.empty());
    }

    public static SourceParser regex(String regex) {
        return regex(new RegexLineParser(regex));
    }

    /** As {@link #regex(String)}, for a pattern compiled already. */
    public static SourceParser regex(Pattern pattern) {
        return regex(new RegexLineParser(pattern));
    }

    private static SourceParser regex(RegexLineParser parser) {
        return new SourceParser("regex", parser, Optional.of(new LinkedHashSet<>(parser.fieldNames())));
    }

    static boolean isPreset(String format) {
        return List.of("combined", "common").contains(format.strip());
    }

    /** Whether a line of this format has a field named {@code name} (always true for JSON). */
    public boolean offers(String name) {
        return fields.map(f -> f.contains(name)).orElse(true);
    }
}
