package com.saypro.monitor.security.vulns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The report formats read, each per its tool's documented JSON:
 *
 * <ul>
 *   <li>{@code trivy}: {@code Results[].Vulnerabilities[]} with {@code Severity} and {@code FixedVersion}
 *       ({@code trivy image --format json}, schema version 2);</li>
 *   <li>{@code grype}: {@code matches[].vulnerability} with {@code severity} and {@code fix.state}
 *       ({@code fixed} means fixable) ({@code grype -o json});</li>
 *   <li>{@code dependency_check}: OWASP Dependency-Check's {@code dependencies[].vulnerabilities[]} with
 *       {@code severity} (no fix information: fixable stays 0);</li>
 *   <li>{@code lynis}: {@code lynis-report.dat} (key=value lines, not JSON), see {@link LynisReport}.</li>
 * </ul>
 * The same vulnerability reported for two packages counts twice, as the tools list it.
 */
enum ReportFormat {
    TRIVY, GRYPE, DEPENDENCY_CHECK, LYNIS;

    /** Guesses a JSON report's format from its top-level keys. */
    static ReportFormat detect(JsonNode root) throws ReportException {
        if (root.has("SchemaVersion") || root.has("Results") || root.has("ArtifactName")) {
            return TRIVY;
        }
        if (root.has("matches")) {
            return GRYPE;
        }
        if (root.has("dependencies") && root.has("reportSchema")) {
            return DEPENDENCY_CHECK;
        }
        throw new ReportException("unknown_format", "neither Trivy, Grype nor Dependency-Check JSON");
    }

    Findings read(JsonNode root) throws ReportException {
        Findings findings = new Findings();
        switch (this) {
            case TRIVY -> {
                JsonNode results = root.path("Results");
                if (!root.has("Results") && !root.has("SchemaVersion")) {
                    throw new ReportException("invalid_report", "no Results in a Trivy report");
                }
                for (JsonNode result : results) {
                    for (JsonNode vuln : result.path("Vulnerabilities")) {
                        String fixed = vuln.path("FixedVersion").asText("");
                        findings.add(Findings.severity(vuln.path("Severity").asText(null)), !fixed.isEmpty());
                    }
                }
            }
            case GRYPE -> {
                JsonNode matches = root.path("matches");
                if (!matches.isArray()) {
                    throw new ReportException("invalid_report", "matches is not a list");
                }
                for (JsonNode match : matches) {
                    JsonNode vuln = match.path("vulnerability");
                    boolean fixable = "fixed".equalsIgnoreCase(vuln.path("fix").path("state").asText(""));
                    findings.add(Findings.severity(vuln.path("severity").asText(null)), fixable);
                }
            }
            case DEPENDENCY_CHECK -> {
                JsonNode dependencies = root.path("dependencies");
                if (!dependencies.isArray()) {
                    throw new ReportException("invalid_report", "dependencies is not a list");
                }
                for (JsonNode dependency : dependencies) {
                    Set<String> seen = new HashSet<>();
                    for (JsonNode vuln : dependency.path("vulnerabilities")) {
                        if (seen.add(vuln.path("name").asText(""))) {
                            findings.add(Findings.severity(vuln.path("severity").asText(null)), false);
                        }
                    }
                }
            }
            case LYNIS -> throw new IllegalStateException("lynis reports are not JSON");
        }
        return findings;
    }
}
