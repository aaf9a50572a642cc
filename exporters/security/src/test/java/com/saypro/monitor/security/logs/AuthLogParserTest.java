package com.saypro.monitor.security.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.logengine.parse.Fields;
import com.saypro.monitor.logengine.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AuthLogParserTest {

    private final AuthLogParser parser = new AuthLogParser();

    private Fields fields(String line) {
        ParseResult result = parser.parse(line);
        assertThat(result).as(line).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).fields();
    }

    private Map<String, String> summary(String line) {
        Fields f = fields(line);
        Map<String, String> out = new java.util.TreeMap<>();
        for (String name : AuthLogParser.FIELDS) {
            if (f.get(name) != null) {
                out.put(name, f.get(name));
            }
        }
        return out;
    }

    /** Lines sshd 9.2 wrote and rsyslog relayed on this machine (see src/test/resources/auth/README.md). */
    @Test
    void realLinesFromSshdThroughRsyslog() throws Exception {
        List<String> lines;
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/auth/sshd-via-rsyslog.log"))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(summary(lines.get(1))).containsEntry("event", "ssh_invalid_user")
                .containsEntry("source", "127.0.0.1").containsEntry("user", "nosuchuser");
        assertThat(summary(lines.get(3))).containsEntry("event", "ssh_login").containsEntry("outcome", "failure")
                .containsEntry("method", "password").containsEntry("reason", "invalid_user")
                .containsEntry("source", "127.0.0.1");
        assertThat(summary(lines.get(5))).containsEntry("reason", "wrong_credentials").containsEntry("user", "root");
        assertThat(summary(lines.get(4))).as("connection closed is not a login").doesNotContainKey("event")
                .containsEntry("program", "sshd");
    }

    @Test
    void traditionalHeaderAndAcceptedMethods() {
        assertThat(summary("Nov  4 02:11:06 web1 sshd[812]: Accepted publickey for deploy from 10.0.0.5 port 50122"
                + " ssh2: ED25519 SHA256:abc")).containsEntry("outcome", "success").containsEntry("method", "publickey")
                .containsEntry("reason", "ok").containsEntry("source", "10.0.0.5").containsEntry("user", "deploy");
        assertThat(summary("2024-11-24T02:11:06.123456+00:00 web1 sshd-session[9]: Accepted keyboard-interactive/pam"
                + " for alice from 2001:db8::1 port 22 ssh2")).containsEntry("method", "keyboard_interactive")
                .containsEntry("source", "2001:db8::1");
        assertThat(summary("Nov 24 02:11:06 web1 sshd[812]: Failed weird-method for alice from 10.0.0.5 port 1 ssh2"))
                .containsEntry("method", "other").containsEntry("reason", "wrong_credentials");
    }

    @Test
    void otherSshdFailures() {
        assertThat(summary("Nov 24 02:11:06 web1 sshd[812]: error: maximum authentication attempts exceeded for root"
                + " from 203.0.113.9 port 22 ssh2 [preauth]")).containsEntry("reason", "too_many_attempts")
                .containsEntry("outcome", "failure").containsEntry("source", "203.0.113.9");
        assertThat(summary("Nov 24 02:11:06 web1 sshd[812]: User root from 203.0.113.9 not allowed because not listed"
                + " in AllowUsers")).containsEntry("reason", "not_allowed").containsEntry("source", "203.0.113.9");
    }

    /** sudo's documented log line formats (sudo could not log here: no /dev/log; see README). */
    @Test
    void sudoLines() {
        assertThat(summary("Nov 24 02:11:06 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ;"
                + " COMMAND=/usr/bin/id")).containsEntry("event", "sudo").containsEntry("outcome", "success");
        assertThat(summary("Nov 24 02:11:06 web1 sudo:    alice : 3 incorrect password attempts ; TTY=pts/0 ;"
                + " PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id")).containsEntry("outcome", "failure")
                .containsEntry("reason", "wrong_password");
        assertThat(summary("Nov 24 02:11:06 web1 sudo:  mallory : user NOT in sudoers ; TTY=pts/1 ; PWD=/ ;"
                + " USER=root ; COMMAND=/bin/sh")).containsEntry("reason", "not_in_sudoers");
        assertThat(summary("Nov 24 02:11:06 web1 sudo: pam_unix(sudo:auth): authentication failure; logname=alice"))
                .doesNotContainKey("event");
        assertThat(summary("Nov 24 02:11:06 web1 CRON[5]: pam_unix(cron:session): session opened for user root"))
                .containsEntry("program", "other").doesNotContainKey("event");
    }

    @Test
    void linesWithoutASyslogHeaderFail() {
        assertThat(parser.parse("")).isInstanceOf(ParseResult.Failed.class);
        assertThat(parser.parse("Failed password for root from 1.2.3.4 port 22 ssh2"))
                .isInstanceOf(ParseResult.Failed.class);
        assertThat(parser.parse("2024-11-24 web1 sshd")).isInstanceOf(ParseResult.Failed.class);
    }

    @Property(tries = 500)
    void neverThrowsAndLabelsStayBounded(@ForAll String message) {
        ParseResult result = parser.parse("Nov 24 02:11:06 web1 sshd[1]: " + message);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        Fields f = ((ParseResult.Parsed) result).fields();
        assertThat(f.get("method")).isIn(null, "password", "publickey", "keyboard_interactive", "hostbased", "gssapi",
                "none", "other");
        assertThat(f.get("reason")).isIn(null, "ok", "wrong_credentials", "invalid_user", "too_many_attempts",
                "not_allowed");
        parser.parse(message);
    }
}
