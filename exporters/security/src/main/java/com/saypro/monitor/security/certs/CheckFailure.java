package com.saypro.monitor.security.certs;

/** A check that could not read a certificate, with a bounded reason for the error metric. */
final class CheckFailure extends Exception {

    /** The reasons, all of them: they are label values. */
    static final java.util.List<String> REASONS = java.util.List.of("connect_failed", "timeout", "starttls_refused",
            "no_tls", "handshake_failed", "protocol_error", "not_found", "unreadable", "bad_format",
            "wrong_password", "no_certificate");

    private final String reason;

    CheckFailure(String reason, String detail) {
        super(detail);
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown reason " + reason);
        }
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
