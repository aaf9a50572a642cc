package com.saypro.monitor.security.vulns;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Findings of one report by severity, and how many of them have a fix available. */
final class Findings {

    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "unknown");

    private final Map<String, long[]> counts = new TreeMap<>(); // severity -> {all, fixable}

    Findings() {
        SEVERITIES.forEach(s -> counts.put(s, new long[2]));
    }

    /** Scanners' spellings (CRITICAL, High, Negligible, moderate...) to the five severities. */
    static String severity(String raw) {
        if (raw == null) {
            return "unknown";
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> "critical";
            case "high", "important" -> "high";
            case "medium", "moderate" -> "medium";
            case "low", "negligible", "info", "informational" -> "low";
            default -> "unknown";
        };
    }

    void add(String severity, boolean fixable) {
        long[] c = counts.get(severity);
        c[0]++;
        if (fixable) {
            c[1]++;
        }
    }

    long count(String severity) {
        return counts.get(severity)[0];
    }

    long fixable(String severity) {
        return counts.get(severity)[1];
    }
}
