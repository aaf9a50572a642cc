package com.saypro.monitor.security.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogPreset.PresetMetric;
import com.saypro.monitor.logengine.config.SourceParser;
import com.saypro.monitor.logengine.rules.Condition;
import com.saypro.monitor.logengine.rules.MetricRule;
import java.util.List;

/**
 * {@code preset: fail2ban}: fail2ban's log ({@code /var/log/fail2ban.log}) as bans and unbans per jail.
 * {@code Restore Ban} (bans re-applied at fail2ban's start) is not a new ban and is not counted. Jails are few and
 * configured by the operator; the cap (100) only guards against a misconfiguration.
 *
 * <pre>
 * 2024-11-24 02:11:06,123 fail2ban.actions        [812]: NOTICE  [sshd] Ban 203.0.113.9
 *
 * saypro_security_fail2ban_bans_total{jail="sshd"} 7
 * saypro_security_fail2ban_unbans_total{jail="sshd"} 6
 * </pre>
 */
public final class Fail2banPreset {

    /** Any fail2ban line parses (so ordinary lines are not parse errors); ban lines also give jail and action. */
    static final String PATTERN = "^\\S+ \\S+ fail2ban\\.(?P<logger>[A-Za-z0-9_.]+)\\s*\\[\\d+\\]:\\s*"
            + "(?P<level>[A-Z]+)\\s+(?:\\[(?P<jail>[^\\]]+)\\]\\s+(?P<action>\\S+))?";

    public static final MetricDef BANS = MetricDef.counter("saypro_security_fail2ban_bans_total",
            "Addresses banned by fail2ban, per jail.", "jail");
    public static final MetricDef UNBANS = MetricDef.counter("saypro_security_fail2ban_unbans_total",
            "Addresses unbanned by fail2ban, per jail.", "jail");

    public static final List<MetricDef> METRICS = List.of(BANS, UNBANS);

    private Fail2banPreset() {
    }

    public static LogPreset preset() {
        return new LogPreset("fail2ban", "fail2ban's log: bans and unbans per jail", () -> SourceParser.regex(PATTERN),
                routes -> List.of(), List.of(
                        PresetMetric.of(BANS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("jail").when(Condition.equals("action", "Ban")).maxSeries(100)
                                .build()),
                        PresetMetric.of(UNBANS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("jail").when(Condition.equals("action", "Unban")).maxSeries(100)
                                .build())));
    }
}
