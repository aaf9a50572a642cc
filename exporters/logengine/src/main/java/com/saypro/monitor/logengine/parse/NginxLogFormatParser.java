package com.saypro.monitor.logengine.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses lines of one {@link NginxLogFormat} by scanning for its literal separators, no regex: each variable's
 * value runs to the next occurrence of the literal that follows it (the last one to the line's end). nginx
 * escapes {@code "} inside values as {@code \x22}, so quoted fields cannot contain their closing quote.
 */
final class NginxLogFormatParser implements LineParser {

    private static final ParseResult.Failed PREFIX_MISMATCH =
            new ParseResult.Failed("format_mismatch", "line does not start with the format's leading text");

    private final String[] literals;
    private final int variableCount;
    private final FieldIndex index;
    private final int request;
    private final int uri;
    private final int upstreamTime;
    private final boolean[] listValued;

    NginxLogFormatParser(NginxLogFormat format) {
        this.literals = format.literals().toArray(String[]::new);
        this.variableCount = format.variables().size();
        this.index = new FieldIndex(fieldNames(format.variables()));
        this.request = format.variables().indexOf("request");
        int requestUri = format.variables().indexOf("request_uri");
        this.uri = requestUri >= 0 ? requestUri : format.variables().indexOf("uri");
        this.upstreamTime = format.variables().indexOf("upstream_response_time");
        this.listValued = new boolean[variableCount];
        for (int v = 0; v < variableCount; v++) {
            listValued[v] = format.variables().get(v).startsWith("upstream_");
        }
    }

    static List<String> fieldNames(List<String> variables) {
        List<String> names = new ArrayList<>(variables);
        names.addAll(List.of("method", "path", "protocol", "upstream_response_time_sum", "upstream_attempts"));
        return names;
    }

    @Override
    public ParseResult parse(String line) {
        if (!line.startsWith(literals[0])) {
            return PREFIX_MISMATCH;
        }
        // only the boundaries are found here; a field's String is made when a rule first asks for it. The last
        // six entries are those of method, path and protocol, found when the first of them is asked for
        int[] bounds = new int[(variableCount + 3) * 2];
        int position = literals[0].length();
        for (int v = 0; v < variableCount; v++) {
            String separator = literals[v + 1];
            int end;
            if (v == variableCount - 1) {
                if (!line.endsWith(separator) || line.length() - separator.length() < position) {
                    return mismatch(v);
                }
                end = line.length() - separator.length();
            } else {
                end = separator.length() == 1 ? line.indexOf(separator.charAt(0), position)
                        : line.indexOf(separator, position);
                if (listValued[v]) {
                    end = extendOverList(line, position, end, separator);
                }
                if (end < 0) {
                    return mismatch(v);
                }
            }
            bounds[2 * v] = position;
            bounds[2 * v + 1] = end;
            position = end + separator.length();
        }
        return new ParseResult.Parsed(new LazyFields(line, bounds));
    }

    /** One parsed line: field boundaries, and the values made so far. Used by one thread, for one line. */
    private final class LazyFields implements Fields {
        private final String line;
        private final int[] bounds;
        private final String[] values = new String[index.size()];
        private boolean requestDerived;
        private boolean upstreamDerived;

        LazyFields(String line, int[] bounds) {
            this.line = line;
            this.bounds = bounds;
        }

        @Override
        public String get(String name) {
            int slot = index.slot(name);
            if (slot < 0) {
                return null;
            }
            if (slot < variableCount) {
                return variable(slot);
            }
            // two groups, each found on first use: most rules want the path, few want the upstream totals
            if (slot < variableCount + 3) {
                if (!requestDerived) {
                    requestDerived = true;
                    splitRequest(line, bounds);
                }
                // method, path and protocol have bounds like the variables (-1 when absent)
                return bounds[2 * slot] < 0 ? null : variable(slot);
            }
            if (!upstreamDerived) {
                upstreamDerived = true;
                deriveUpstream(this);
            }
            return values[slot];
        }

        /** A plain decimal variable not yet made into a String is read in place (request times, byte counts). */
        @Override
        public double number(String name) {
            int slot = index.slot(name);
            if (slot >= 0 && slot < variableCount && values[slot] == null) {
                double plain = FieldValues.plainDecimal(line, bounds[2 * slot], bounds[2 * slot + 1]);
                if (!Double.isNaN(plain)) {
                    return plain;
                }
            }
            return FieldValues.number(get(name));
        }

        String variable(int v) {
            String value = values[v];
            if (value == null) {
                value = line.substring(bounds[2 * v], bounds[2 * v + 1]);
                values[v] = value;
            }
            return value;
        }
    }

    /**
     * nginx joins the values of several upstream attempts with {@code ", "} (retries) and {@code " : "}
     * (internal redirects), so a space-separated upstream variable may contain the separator itself.
     */
    private static int extendOverList(String line, int start, int end, String separator) {
        while (end >= 0) {
            if (end > start && line.charAt(end - 1) == ',') {
                end = line.indexOf(separator, end + 1);
            } else if (line.startsWith(" : ", end)) {
                end = line.indexOf(separator, end + 3);
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * The bounds of method, path and protocol in {@code line}, from {@code $request} ("GET /cart?id=1 HTTP/1.1"),
     * written after the variables' bounds; -1 for a part that is absent. The path loses its query string and
     * fragment: it is the part that routes classify, and query strings are unbounded user input. Without a usable
     * {@code $request} ({@code -}, empty, or none in the format) the path comes from {@code $request_uri} or
     * {@code $uri}. Only bounds are found here: a String is made for a part when a rule asks for it.
     */
    private void splitRequest(String line, int[] bounds) {
        int at = 2 * variableCount;
        Arrays.fill(bounds, at, at + 6, -1);
        int from = request < 0 ? 0 : bounds[2 * request];
        int to = request < 0 ? 0 : bounds[2 * request + 1];
        if (to > from && !isDash(line, from, to)) {
            int first = line.indexOf(' ', from);
            if (first < 0 || first >= to) {
                pathBounds(line, from, to, bounds, at + 2); // garbage such as a bare TLS handshake: no method
            } else {
                bounds[at] = from;
                bounds[at + 1] = first;
                int last = line.lastIndexOf(' ', to - 1);
                if (last == first) {
                    pathBounds(line, first + 1, to, bounds, at + 2); // HTTP/0.9: no protocol
                } else {
                    pathBounds(line, first + 1, last, bounds, at + 2);
                    bounds[at + 4] = last + 1;
                    bounds[at + 5] = to;
                }
            }
        }
        // an empty $request gives no path, an empty $uri an empty one
        if (bounds[at + 2] < 0 && uri >= 0 && !isDash(line, bounds[2 * uri], bounds[2 * uri + 1])) {
            pathBounds(line, bounds[2 * uri], bounds[2 * uri + 1], bounds, at + 2);
        }
    }

    /** Whether {@code line[from, to)} is nginx's {@code -} for "no value". */
    private static boolean isDash(String line, int from, int to) {
        return to - from == 1 && line.charAt(from) == '-';
    }

    /** {@code line[from, to)} up to its first {@code ?} or {@code #}, written to {@code bounds[at, at + 2)}. */
    private static void pathBounds(String line, int from, int to, int[] bounds, int at) {
        // one pass over the part only (indexOf would scan on to the end of the line when there is no query)
        int end = from;
        while (end < to && line.charAt(end) != '?' && line.charAt(end) != '#') {
            end++;
        }
        bounds[at] = from;
        bounds[at + 1] = end;
    }

    private void deriveUpstream(LazyFields fields) {
        if (upstreamTime >= 0) {
            String[] values = fields.values;
            String upstream = fields.variable(upstreamTime);
            double sum = FieldValues.number(upstream);
            values[variableCount + 3] = Double.isNaN(sum) ? null : Double.toString(sum);
            values[variableCount + 4] = Integer.toString(FieldValues.listSize(upstream));
        }
    }

    private ParseResult.Failed mismatch(int variable) {
        return new ParseResult.Failed("format_mismatch", "no '" + literals[variable + 1] + "' after $"
                + index.names().get(variable));
    }
}
