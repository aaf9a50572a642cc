package com.saypro.monitor.logengine.parse;

import java.util.ArrayList;
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
        String[] values = new String[index.size()];
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
            values[v] = line.substring(position, end);
            position = end + separator.length();
        }
        derive(values);
        return new ParseResult.Parsed(index.wrap(values));
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

    private void derive(String[] values) {
        int derived = variableCount;
        if (request >= 0) {
            RequestLine parts = RequestLine.parse(values[request]);
            values[derived] = parts.method();
            values[derived + 1] = parts.path();
            values[derived + 2] = parts.protocol();
        }
        if (values[derived + 1] == null && uri >= 0 && !values[uri].equals("-")) {
            values[derived + 1] = RequestLine.pathOf(values[uri]);
        }
        if (upstreamTime >= 0) {
            double sum = FieldValues.number(values[upstreamTime]);
            values[derived + 3] = Double.isNaN(sum) ? null : Double.toString(sum);
            values[derived + 4] = Integer.toString(FieldValues.listSize(values[upstreamTime]));
        }
    }

    private ParseResult.Failed mismatch(int variable) {
        return new ParseResult.Failed("format_mismatch", "no '" + literals[variable + 1] + "' after $"
                + index.names().get(variable));
    }
}
