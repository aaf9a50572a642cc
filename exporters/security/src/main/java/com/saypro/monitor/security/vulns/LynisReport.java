package com.saypro.monitor.security.vulns;

import java.util.List;

/**
 * Lynis' {@code /var/log/lynis-report.dat}: {@code key=value} lines. Lynis rates findings as warnings (to fix)
 * and suggestions (hardening), without CVSS severities: warnings count as {@code high}, suggestions as
 * {@code low}, and {@code vulnerable_package[]} entries (packages with known security updates) as
 * {@code high} and fixable. The hardening index (0..100) is its own metric.
 */
final class LynisReport {

    record Result(Findings findings, double hardeningIndex) {
    }

    private LynisReport() {
    }

    static Result read(List<String> lines) throws ReportException {
        Findings findings = new Findings();
        double index = Double.NaN;
        boolean ended = false;
        boolean lynis = false;
        for (String line : lines) {
            if (line.startsWith("report_version_major=") || line.startsWith("lynis_version=")) {
                lynis = true;
            } else if (line.startsWith("warning[]=")) {
                findings.add("high", false);
            } else if (line.startsWith("suggestion[]=")) {
                findings.add("low", false);
            } else if (line.startsWith("vulnerable_package[]=")) {
                findings.add("high", true);
            } else if (line.startsWith("hardening_index=")) {
                try {
                    index = Double.parseDouble(line.substring("hardening_index=".length()).strip());
                } catch (NumberFormatException e) {
                    throw new ReportException("invalid_report", "hardening_index is not a number");
                }
            } else if (line.startsWith("report_datetime_end=")) {
                ended = true;
            }
        }
        if (!lynis) {
            throw new ReportException("unknown_format", "not a Lynis report (no lynis_version)");
        }
        if (!ended) {
            throw new ReportException("truncated", "no report_datetime_end: Lynis is still running or was stopped");
        }
        return new Result(findings, index);
    }
}
