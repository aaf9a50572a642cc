package com.saypro.monitor.security.logs;

import com.saypro.monitor.security.logs.AuthLogParser.AuthFields;
import java.util.Map;

/**
 * sshd's messages about authentication (OpenSSH's {@code auth.c} and {@code sshd.c} wording):
 *
 * <pre>
 * Accepted publickey for alice from 10.0.0.5 port 50122 ssh2: ED25519 SHA256:...
 * Failed password for alice from 10.0.0.5 port 50122 ssh2                      reason wrong_credentials
 * Failed password for invalid user admin from 203.0.113.9 port 4711 ssh2        reason invalid_user
 * Invalid user admin from 203.0.113.9 port 4711                                 event ssh_invalid_user
 * error: maximum authentication attempts exceeded for root from 203.0.113.9 port 22 ssh2 [preauth]
 * User root from 203.0.113.9 not allowed because not listed in AllowUsers       reason not_allowed
 * </pre>
 */
final class SshMessages {

    /** sshd's method names to label values; anything else is other. */
    static final Map<String, String> METHODS = Map.of(
            "password", "password",
            "publickey", "publickey",
            "keyboard-interactive/pam", "keyboard_interactive",
            "keyboard-interactive", "keyboard_interactive",
            "hostbased", "hostbased",
            "gssapi-with-mic", "gssapi",
            "none", "none");

    private static final String ACCEPTED = "Accepted ";
    private static final String FAILED = "Failed ";
    private static final String INVALID = "Invalid user ";
    private static final String MAX_ATTEMPTS = "error: maximum authentication attempts exceeded for ";
    private static final String USER = "User ";

    private SshMessages() {
    }

    static void read(String message, AuthFields fields) {
        if (message.startsWith(ACCEPTED)) {
            login(message, ACCEPTED.length(), fields, "success");
        } else if (message.startsWith(FAILED)) {
            login(message, FAILED.length(), fields, "failure");
        } else if (message.startsWith(INVALID)) {
            int from = message.lastIndexOf(" from ");
            if (from < INVALID.length() - 1) {
                return;
            }
            fields.event = "ssh_invalid_user";
            fields.user = message.substring(INVALID.length(), Math.max(INVALID.length(), from));
            fields.source = word(message, from + 6);
        } else if (message.startsWith(MAX_ATTEMPTS)) {
            String rest = message.substring(MAX_ATTEMPTS.length());
            boolean invalid = rest.startsWith("invalid user ");
            userAndSource(invalid ? rest.substring(13) : rest, fields);
            fields.event = "ssh_login";
            fields.outcome = "failure";
            fields.method = "other";
            fields.reason = invalid ? "invalid_user" : "too_many_attempts";
        } else if (message.startsWith(USER) && message.contains(" not allowed because ")) {
            userAndSource(message.substring(USER.length()), fields);
            fields.event = "ssh_login";
            fields.outcome = "failure";
            fields.method = "other";
            fields.reason = "not_allowed";
        }
    }

    /** "METHOD for [invalid user ]USER from ADDRESS port N ssh2...". */
    private static void login(String message, int start, AuthFields fields, String outcome) {
        int space = message.indexOf(' ', start);
        if (space < 0 || !message.startsWith(" for ", space)) {
            return;
        }
        String rest = message.substring(space + 5);
        boolean invalid = rest.startsWith("invalid user ");
        if (!userAndSource(invalid ? rest.substring(13) : rest, fields)) {
            return;
        }
        fields.event = "ssh_login";
        fields.outcome = outcome;
        fields.method = METHODS.getOrDefault(message.substring(start, space), "other");
        fields.reason = outcome.equals("success") ? "ok" : invalid ? "invalid_user" : "wrong_credentials";
    }

    /** "USER from ADDRESS ..." (user names may contain spaces: the last " from " wins). */
    private static boolean userAndSource(String rest, AuthFields fields) {
        int from = rest.lastIndexOf(" from ");
        if (from < 0) {
            return false;
        }
        fields.user = rest.substring(0, from);
        fields.source = word(rest, from + 6);
        return !fields.source.isEmpty();
    }

    private static String word(String text, int start) {
        int end = text.indexOf(' ', start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
