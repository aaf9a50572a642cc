package com.saypro.monitor.logengine.parse;

/**
 * Undoes nginx.conf quoting, so a {@code log_format} directive can be pasted as it is: an optional
 * {@code log_format name [escape=...]} prefix, then one or more single-quoted pieces, an optional {@code ;}.
 * A format that does not start with a quote is taken literally.
 */
final class NginxConfString {

    private NginxConfString() {
    }

    static String unquote(String text) {
        String rest = text;
        if (rest.startsWith("log_format")) {
            rest = stripDirective(rest);
        }
        if (rest.endsWith(";")) {
            rest = rest.substring(0, rest.length() - 1).strip();
        }
        if (!rest.startsWith("'")) {
            return rest;
        }
        StringBuilder joined = new StringBuilder();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c != '\'') {
                throw new LogFormatException("text outside quotes at column " + (i + 1) + ": '"
                        + NginxLogFormat.excerpt(rest, i) + "'");
            }
            int close = rest.indexOf('\'', i + 1);
            if (close < 0) {
                throw new LogFormatException("unbalanced quotes: \"'\" at column " + (i + 1) + " is never closed: '"
                        + NginxLogFormat.excerpt(rest, i) + "'");
            }
            joined.append(rest, i + 1, close);
            i = close + 1;
        }
        return joined.toString();
    }

    private static String stripDirective(String text) {
        String[] words = text.split("\\s+", 3);
        if (words.length < 3) {
            throw new LogFormatException("log_format directive has no format after its name: '" + text + "'");
        }
        String rest = words[2];
        if (rest.startsWith("escape=")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        return rest;
    }
}
