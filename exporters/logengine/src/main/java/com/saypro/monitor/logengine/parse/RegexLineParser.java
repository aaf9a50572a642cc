package com.saypro.monitor.logengine.parse;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A regular expression with named groups, {@code (?P<status>\d{3})}, on RE2/J: matching time is linear in the
 * line length whatever the pattern, so a hostile line cannot stall the tailer. The pattern is searched for
 * (anchor it with {@code ^...$} to require a whole-line match); each named group becomes a field.
 */
public final class RegexLineParser implements LineParser {

    private static final ParseResult.Failed NO_MATCH = new ParseResult.Failed("no_match", "pattern did not match");

    private final Pattern pattern;
    private final FieldIndex index;
    private final int[] groups;

    public RegexLineParser(String regex) {
        this(compile(regex));
    }

    /** A parser for an already compiled pattern (a config reader that compiled it to check it, say). */
    public RegexLineParser(Pattern pattern) {
        this.pattern = pattern;
        Map<String, Integer> named = pattern.namedGroups();
        if (named.isEmpty()) {
            throw new LogFormatException("regex has no named groups, e.g. (?P<status>\\d+): " + pattern.pattern());
        }
        List<String> names = new ArrayList<>(named.keySet());
        this.index = new FieldIndex(names);
        this.groups = names.stream().mapToInt(named::get).toArray();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new LogFormatException("invalid regex: " + e.getMessage());
        }
    }

    /** The named groups, i.e. the fields a matching line has. */
    public List<String> fieldNames() {
        return index.names();
    }

    @Override
    public ParseResult parse(String line) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            return NO_MATCH;
        }
        String[] values = new String[groups.length];
        for (int i = 0; i < groups.length; i++) {
            values[i] = matcher.group(groups[i]);
        }
        return new ParseResult.Parsed(index.wrap(values));
    }
}
