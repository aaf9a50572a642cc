package com.saypro.monitor.security.vulns;

/** A report that could not be used, with a bounded reason. */
final class ReportException extends Exception {

    static final java.util.List<String> REASONS = java.util.List.of("not_found", "unreadable", "too_large",
            "not_json", "truncated", "unknown_format", "invalid_report");

    private final String reason;

    ReportException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
