package com.saypro.monitor.security.certs;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one check, cached until the next.
 *
 * @param error         a bounded reason when the check failed, else empty
 * @param notAfter      the earliest expiry in the chain (or keystore)
 * @param notBefore     the latest start of validity in the chain, so a certificate not yet valid shows
 * @param chainValid    the chain verifies against the trust store at check time; empty when there is no chain
 * @param hostnameMatch empty when no name is to be matched (files and keystores without {@code hostname})
 * @param tlsVersion    the negotiated protocol for network targets
 */
public record CertResult(Instant checkedAt, Optional<String> error, Optional<Instant> notAfter,
        Optional<Instant> notBefore, Optional<Boolean> chainValid, Optional<Boolean> hostnameMatch,
        Optional<String> tlsVersion) {

    static CertResult failed(Instant at, String reason) {
        return new CertResult(at, Optional.of(reason), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    boolean success() {
        return error.isEmpty();
    }
}
