package com.saypro.monitor.security.logs;

import com.saypro.monitor.security.logs.AuthLogParser.AuthFields;

/**
 * sudo's one line per command (its {@code log_allowed}/{@code log_denial} wording):
 *
 * <pre>
 *   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id          success
 *   alice : 3 incorrect password attempts ; TTY=pts/0 ; ... ; COMMAND=/usr/bin/id  failure, wrong_password
 *   mallory : user NOT in sudoers ; TTY=pts/1 ; ...                                 failure, not_in_sudoers
 *   alice : command not allowed ; TTY=pts/0 ; ...                                   failure, not_allowed
 * </pre>
 *
 * PAM's own sudo lines ({@code pam_unix(sudo:auth): authentication failure}) repeat what these say and are
 * not counted.
 */
final class SudoMessages {

    private SudoMessages() {
    }

    static void read(String message, AuthFields fields) {
        String text = message.strip();
        int colon = text.indexOf(" : ");
        if (colon <= 0 || text.startsWith("pam_")) {
            return;
        }
        String rest = text.substring(colon + 3);
        String first = rest.split(" ; ", 2)[0];
        fields.user = text.substring(0, colon);
        fields.event = "sudo";
        if (first.startsWith("TTY=") || first.startsWith("PWD=") || first.startsWith("USER=")) {
            fields.outcome = "success";
            fields.reason = "ok";
        } else if (first.contains("incorrect password attempt")) {
            fields.outcome = "failure";
            fields.reason = "wrong_password";
        } else if (first.contains("NOT in sudoers")) {
            fields.outcome = "failure";
            fields.reason = "not_in_sudoers";
        } else if (first.contains("not allowed")) {
            fields.outcome = "failure";
            fields.reason = "not_allowed";
        } else if (rest.contains("COMMAND=")) {
            fields.outcome = "failure";
            fields.reason = "other";
        } else {
            fields.event = null;
        }
    }
}
