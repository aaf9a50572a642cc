package com.saypro.monitor.security.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogPreset.PresetMetric;
import com.saypro.monitor.logengine.config.SourceParser;
import com.saypro.monitor.logengine.rules.Condition;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.Label;
import com.saypro.monitor.logengine.rules.MetricRule;
import java.util.List;
import java.util.Map;

/**
 * {@code preset: marketplace_app_security}: the marketplace application's JSON log (events as demo/API.md,
 * "Application log", documents them) as access-control signals. {@code role} is {@code admin} or
 * {@code customer} from the event's {@code user_type}, and {@code unknown} for a failed login with an e-mail
 * address that has no account (the attacker's guess tells no role).
 *
 * <pre>
 * saypro_security_app_logins_total{role="admin",outcome="failure"} 31
 * saypro_security_app_logins_total{role="customer",outcome="success"} 1840
 * saypro_security_app_password_resets_total 12
 * saypro_security_app_admin_access_denied_total 4
 * </pre>
 */
public final class AppSecurityPreset {

    static final Map<String, String> OUTCOMES = Map.of("login_succeeded", "success", "login_failed", "failure");
    static final Map<String, String> ROLES = Map.of("admin", "admin", "customer", "customer");

    public static final MetricDef APP_LOGINS = MetricDef.counter("saypro_security_app_logins_total",
            "Marketplace logins by role (admin, customer; unknown for an address without an account) and outcome.",
            "role", "outcome");
    public static final MetricDef PASSWORD_RESETS = MetricDef.counter("saypro_security_app_password_resets_total",
            "Password resets requested (event password_reset_requested), for accounts that exist or not.");
    public static final MetricDef ADMIN_DENIED = MetricDef.counter("saypro_security_app_admin_access_denied_total",
            "Requests to admin pages refused (event access_denied on /admin or /api/admin): not logged in or not"
                    + " an admin.");

    public static final List<MetricDef> METRICS = List.of(APP_LOGINS, PASSWORD_RESETS, ADMIN_DENIED);

    private AppSecurityPreset() {
    }

    /** With first-seen memories that are not persisted (benchmarks). */
    public static LogPreset preset(BruteForceSettings bruteForce) {
        return preset(bruteForce, NewSourceMemories.inMemory(bruteForce.maxTrackedAccounts()));
    }

    public static LogPreset preset(BruteForceSettings bruteForce, NewSourceMemories memories) {
        return new LogPreset("marketplace_app_security", "the marketplace application's JSON log: logins, password"
                + " resets, admin access", SourceParser::json,
                routes -> List.of(
                        FieldDerivation.lookup("login_outcome", "event", OUTCOMES),
                        FieldDerivation.lookup("role", "user_type", ROLES, "unknown")),
                List.of(
                        PresetMetric.of(APP_LOGINS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("role").label(Label.fromField("outcome", "login_outcome"))
                                .when(Condition.present("login_outcome")).maxSeries(20).build()),
                        PresetMetric.of(PASSWORD_RESETS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .when(Condition.equals("event", "password_reset_requested")).build()),
                        PresetMetric.of(ADMIN_DENIED, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .when(Condition.equals("event", "access_denied"))
                                .when(Condition.matches("path", "^/(api/)?admin(/|$|\\?)")).build())),
                clock -> List.of(new BruteForceAnalyser("app", "client_ip", bruteForce, clock,
                        LineTime.field("ts", java.time.ZoneOffset.UTC), memories,
                        f -> "login_failed".equals(f.get("event")),
                        f -> "login_succeeded".equals(f.get("event")),
                        f -> "admin".equals(f.get("role")) ? "admin" : "customer")));
    }
}
