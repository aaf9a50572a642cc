package com.saypro.monitor.logengine.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An nginx {@code log_format}, compiled into literal separators and variable names. Accepts either the format
 * string itself or the directive as written in nginx.conf, with its single-quoted pieces:
 * <pre>
 * log_format main '$remote_addr - $remote_user [$time_local] "$request" '
 *                 '$status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time';
 * </pre>
 * Fields are named after the variables without {@code $}. Derived fields: {@code method}, {@code path}
 * (query string dropped) and {@code protocol} from {@code $request} (or {@code path} from
 * {@code $request_uri}/{@code $uri}), and {@code upstream_response_time_sum}, {@code upstream_attempts} when
 * {@code $upstream_response_time} is logged.
 *
 * @param literals  literal text before, between and after the variables ({@code variables.size() + 1} entries)
 * @param variables variable names in order, without {@code $}
 */
public record NginxLogFormat(List<String> literals, List<String> variables) {

    /** nginx's predefined "combined", which is also Apache's combined LogFormat. */
    public static final String COMBINED = "$remote_addr - $remote_user [$time_local] \"$request\" $status "
            + "$body_bytes_sent \"$http_referer\" \"$http_user_agent\"";

    /** Apache's "common" log format: combined without referer and user agent. */
    public static final String COMMON = "$remote_addr - $remote_user [$time_local] \"$request\" $status "
            + "$body_bytes_sent";

    private static final Map<String, String> PRESETS = Map.of("combined", COMBINED, "common", COMMON);

    public NginxLogFormat {
        literals = List.copyOf(literals);
        variables = List.copyOf(variables);
        if (literals.size() != variables.size() + 1) {
            throw new IllegalArgumentException("need one literal more than variables");
        }
    }

    /** A named preset ({@code combined}, {@code common}). */
    public static NginxLogFormat preset(String name) {
        String format = PRESETS.get(name.toLowerCase(Locale.ROOT));
        if (format == null) {
            throw new LogFormatException("unknown log format preset '" + name + "', known: " + PRESETS.keySet());
        }
        return compile(format);
    }

    /** Compiles a format; throws {@link LogFormatException} naming the offending part. */
    public static NginxLogFormat compile(String format) {
        if (format == null || format.isBlank()) {
            throw new LogFormatException("log_format is empty");
        }
        String text = NginxConfString.unquote(format.strip());
        if (text.isEmpty()) {
            throw new LogFormatException("log_format is empty");
        }
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                literal.append(c);
                i++;
                continue;
            }
            int start = i;
            String name;
            if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new LogFormatException("unterminated '${' at column " + (start + 1) + ": '"
                            + excerpt(text, start) + "'");
                }
                name = text.substring(i + 2, close);
                i = close + 1;
            } else {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                name = text.substring(i + 1, end);
                i = end;
            }
            if (name.isEmpty() || !isNameStart(name.charAt(0)) || !name.chars().allMatch(ch -> isNameChar((char) ch))) {
                throw new LogFormatException("unknown variable style at column " + (start + 1) + ": '"
                        + excerpt(text, start) + "' (expected $name or ${name})");
            }
            if (!variables.isEmpty() && literal.length() == 0) {
                throw new LogFormatException("variables $" + variables.get(variables.size() - 1) + " and $" + name
                        + " at column " + (start + 1) + " have no separator between them; the values cannot be told"
                        + " apart");
            }
            literals.add(literal.toString());
            literal.setLength(0);
            variables.add(name);
        }
        literals.add(literal.toString());
        if (variables.isEmpty()) {
            throw new LogFormatException("log_format has no variables: '" + excerpt(text, 0) + "'");
        }
        checkQuotes(text);
        return new NginxLogFormat(literals, variables);
    }

    /** Every field this format yields, derived ones included. */
    public List<String> fieldNames() {
        return NginxLogFormatParser.fieldNames(variables);
    }

    public LineParser parser() {
        return new NginxLogFormatParser(this);
    }

    private static void checkQuotes(String text) {
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                open = open < 0 ? i : -1;
            }
        }
        if (open >= 0) {
            throw new LogFormatException("unbalanced quotes: '\"' at column " + (open + 1) + " is never closed: '"
                    + excerpt(text, open) + "'");
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    static String excerpt(String text, int from) {
        return text.substring(from, Math.min(text.length(), from + 24));
    }
}
