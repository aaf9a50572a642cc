package com.saypro.monitor.security.logs;

import com.saypro.monitor.logengine.parse.Fields;
import com.saypro.monitor.logengine.parse.LineParser;
import com.saypro.monitor.logengine.parse.ParseResult;
import java.util.Set;

/**
 * The system auth log ({@code /var/log/auth.log}, written by rsyslog) as fields: the syslog header in either the
 * traditional ({@code Nov 24 02:11:06 host sshd[812]: ...}) or the RFC 3339 form Debian 12 writes
 * ({@code 2024-11-24T02:11:06.123456+00:00 host sshd[812]: ...}), then what sshd and sudo say. Written by hand on
 * string operations rather than a regex: auth logs under attack are big, and most lines are from programs we
 * do not read (cron, systemd-logind), which are parsed (program {@code other}) rather than failed.
 *
 * <p>Fields: {@code time} (the header's timestamp as written, cut out only when asked for), {@code program} (sshd, sudo, other), {@code event} (ssh_login, ssh_invalid_user, sudo),
 * {@code outcome} (success, failure), {@code method}, {@code reason}, {@code source} (client address) and
 * {@code user}. The user is for the analysers only (a first-seen set keyed by a hash); no preset labels it.
 */
public final class AuthLogParser implements LineParser {

    public static final Set<String> FIELDS = Set.of("time", "program", "event", "outcome", "method", "reason",
            "source", "user");

    private static final ParseResult.Failed NO_HEADER = new ParseResult.Failed("format_mismatch",
            "not a syslog line (timestamp host program: message)");

    @Override
    public ParseResult parse(String line) {
        int pos = skipTimestamp(line);
        if (pos < 0) {
            return NO_HEADER;
        }
        int hostEnd = line.indexOf(' ', pos);
        if (hostEnd < 0) {
            return NO_HEADER;
        }
        int tagEnd = line.indexOf(": ", hostEnd + 1);
        if (tagEnd < 0) {
            return NO_HEADER;
        }
        String tag = line.substring(hostEnd + 1, tagEnd);
        int bracket = tag.indexOf('[');
        String program = bracket >= 0 ? tag.substring(0, bracket) : tag;
        String message = line.substring(tagEnd + 2);
        AuthFields fields = new AuthFields();
        fields.line = line;
        fields.timeEnd = pos - 1;
        if (program.startsWith("sshd")) { // sshd, and sshd-session since OpenSSH 9.8
            fields.program = "sshd";
            SshMessages.read(message, fields);
        } else if (program.equals("sudo")) {
            fields.program = "sudo";
            SudoMessages.read(message, fields);
        } else {
            fields.program = "other";
        }
        return new ParseResult.Parsed(fields);
    }

    /** The index after the timestamp and its space, or -1. */
    static int skipTimestamp(String line) {
        if (line.isEmpty()) {
            return -1;
        }
        if (Character.isDigit(line.charAt(0))) { // RFC 3339: one token
            int space = line.indexOf(' ');
            return space > 0 && line.indexOf('T') > 0 && line.indexOf('T') < space ? space + 1 : -1;
        }
        // "Nov 24 02:11:06 " or "Nov  4 02:11:06 "
        if (line.length() < 16 || line.charAt(3) != ' ' || line.charAt(15) != ' ' || line.charAt(9) != ':'
                || line.charAt(12) != ':') {
            return -1;
        }
        return 16;
    }

    /** What one auth line says; unset fields are absent (null). */
    static final class AuthFields implements Fields {
        String line;
        int timeEnd;
        String program;
        String event;
        String outcome;
        String method;
        String reason;
        String source;
        String user;

        @Override
        public String get(String name) {
            return switch (name) {
                case "time" -> line == null ? null : line.substring(0, timeEnd);
                case "program" -> program;
                case "event" -> event;
                case "outcome" -> outcome;
                case "method" -> method;
                case "reason" -> reason;
                case "source" -> source;
                case "user" -> user;
                default -> null;
            };
        }
    }
}
