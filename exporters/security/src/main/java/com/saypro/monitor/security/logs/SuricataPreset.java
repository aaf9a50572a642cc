package com.saypro.monitor.security.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogPreset.PresetMetric;
import com.saypro.monitor.logengine.config.SourceParser;
import com.saypro.monitor.logengine.rules.Condition;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.Label;
import com.saypro.monitor.logengine.rules.MetricRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code preset: suricata_eve}: Suricata's {@code eve.json} (one JSON event per line; only
 * {@code "event_type":"alert"} is counted). Severity is Suricata's priority 1..3 as {@code high}, {@code medium},
 * {@code low} ({@code unknown} otherwise); the category is the rule's classtype description when it is one of
 * Suricata's stock {@code classification.config} entries, else {@code other}, so a custom rule set cannot
 * flood the labels.
 *
 * <pre>
 * saypro_security_ids_alerts_total{severity="high",category="Attempted Administrator Privilege Gain"} 3
 * saypro_security_ids_alerts_total{severity="medium",category="other"} 12
 * </pre>
 */
public final class SuricataPreset {

    static final Map<String, String> SEVERITIES = Map.of("1", "high", "2", "medium", "3", "low");

    /** The descriptions of Suricata's stock classification.config. */
    static final List<String> CATEGORIES = List.of(
            "Not Suspicious Traffic", "Unknown Traffic", "Attempted Information Leak", "Information Leak",
            "Large Scale Information Leak", "Attempted Denial of Service", "Denial of Service",
            "Attempted User Privilege Gain", "Unsuccessful User Privilege Gain", "Successful User Privilege Gain",
            "Attempted Administrator Privilege Gain", "Successful Administrator Privilege Gain",
            "Decode of an RPC Query", "Executable code was detected", "A suspicious string was detected",
            "A suspicious filename was detected", "An attempted login using a suspicious username was detected",
            "A system call was detected", "A TCP connection was detected", "A Network Trojan was detected",
            "A client was using an unusual port", "Detection of a Network Scan", "Detection of a Denial of Service"
                    + " Attack", "Detection of a non-standard protocol or event", "Generic Protocol Command Decode",
            "access to a potentially vulnerable web application", "Web Application Attack",
            "Misc activity", "Misc Attack", "Generic ICMP event", "Inappropriate Content was Detected",
            "Potential Corporate Privacy Violation", "Attempt to login by a default username and password",
            "Targeted Malicious Activity was Detected", "Exploit Kit Activity Detected",
            "Device Retrieving External IP Address Detected", "Domain Observed Used for C2 Detected",
            "Possibly Unwanted Program Detected", "Successful Credential Theft Detected",
            "Possible Social Engineering Attempted", "Crypto Currency Mining Activity Detected",
            "Malware Command and Control Activity Detected", "Potentially Bad Traffic",
            "Spyware/Adware related activity");

    public static final MetricDef IDS_ALERTS = MetricDef.counter("saypro_security_ids_alerts_total",
            "Suricata alerts (eve.json event_type alert) by severity (priority 1 high, 2 medium, 3 low) and"
                    + " category (stock classtypes; other for the rest).", "severity", "category");

    public static final List<MetricDef> METRICS = List.of(IDS_ALERTS);

    private SuricataPreset() {
    }

    public static LogPreset preset() {
        Map<String, String> categories = new HashMap<>();
        CATEGORIES.forEach(c -> categories.put(c, c));
        return new LogPreset("suricata_eve", "Suricata's eve.json: IDS alerts", SourceParser::json,
                routes -> List.of(
                        FieldDerivation.lookup("ids_severity", "alert.severity", SEVERITIES, "unknown"),
                        FieldDerivation.lookup("ids_category", "alert.category", categories, "other")),
                List.of(PresetMetric.of(IDS_ALERTS, def -> MetricRule.counter(def.snapshotName(), def.help())
                        .label(Label.fromField("severity", "ids_severity"))
                        .label(Label.fromField("category", "ids_category"))
                        .when(Condition.equals("event_type", "alert")).maxSeries(400).build())));
    }
}
