package com.saypro.monitor.security.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogPreset.PresetMetric;
import com.saypro.monitor.logengine.config.SourceParser;
import com.saypro.monitor.logengine.rules.Condition;
import com.saypro.monitor.logengine.rules.MetricRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code preset: auth}: sshd and sudo from the system auth log ({@link AuthLogParser}). Every label is a small
 * fixed set; user names and addresses never become labels (addresses only through the brute-force top N).
 *
 * <pre>
 * saypro_security_ssh_logins_total{outcome="failure",method="password",reason="invalid_user"} 212
 * saypro_security_ssh_logins_total{outcome="success",method="publickey",reason="ok"} 14
 * saypro_security_ssh_invalid_users_total 212
 * saypro_security_sudo_total{outcome="failure"} 1
 * </pre>
 */
public final class AuthLogPreset {

    public static final MetricDef SSH_LOGINS = MetricDef.counter("saypro_security_ssh_logins_total",
            "sshd logins by outcome (success, failure), method (password, publickey, keyboard_interactive,"
                    + " hostbased, gssapi, none, other) and reason (ok, wrong_credentials, invalid_user,"
                    + " too_many_attempts, not_allowed).", "outcome", "method", "reason");
    public static final MetricDef SSH_INVALID_USERS = MetricDef.counter("saypro_security_ssh_invalid_users_total",
            "Connections that named an account that does not exist (sshd \"Invalid user\").");
    public static final MetricDef SUDO = MetricDef.counter("saypro_security_sudo_total",
            "sudo commands by outcome (failure: wrong password, not in sudoers, command not allowed).", "outcome");

    public static final List<MetricDef> METRICS = List.of(SSH_LOGINS, SSH_INVALID_USERS, SUDO);

    private static final int MAX_SERIES = 100;

    private AuthLogPreset() {
    }

    /** With first-seen memories that are not persisted (benchmarks). */
    public static LogPreset preset(BruteForceSettings bruteForce) {
        return preset(bruteForce, NewSourceMemories.inMemory(bruteForce.maxTrackedAccounts()));
    }

    public static LogPreset preset(BruteForceSettings bruteForce, NewSourceMemories memories) {
        return new LogPreset("auth", "the system auth log: sshd and sudo",
                () -> new SourceParser("auth", new AuthLogParser(), Optional.of(AuthLogParser.FIELDS)),
                routes -> List.of(), List.of(
                        PresetMetric.of(SSH_LOGINS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("outcome").labelFromField("method").labelFromField("reason")
                                .when(Condition.equals("event", "ssh_login")).maxSeries(MAX_SERIES).build()),
                        PresetMetric.of(SSH_INVALID_USERS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .when(Condition.equals("event", "ssh_invalid_user")).build()),
                        PresetMetric.of(SUDO, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("outcome").when(Condition.equals("event", "sudo"))
                                .maxSeries(MAX_SERIES).build())),
                clock -> List.of(new BruteForceAnalyser("ssh", "source", bruteForce, clock,
                        LineTime.field("time", java.time.ZoneId.systemDefault()), memories,
                        f -> "ssh_login".equals(f.get("event")) && "failure".equals(f.get("outcome")),
                        f -> "ssh_login".equals(f.get("event")) && "success".equals(f.get("outcome")),
                        f -> "root".equals(f.get("user")) ? "root" : "user")));
    }
}
