package com.saypro.monitor.security.certs;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Judges certificates: the earliest expiry and latest start of validity over all of them, whether each chain
 * verifies (PKIX, at the check's time, without revocation: no outside network) against the trust store, and
 * whether the leaf matches the expected name.
 */
final class CertVerifier {

    private CertVerifier() {
    }

    static CertResult judge(Instant now, List<List<X509Certificate>> chains, List<X509Certificate> all,
            TrustStore trust, Optional<String> hostname, Optional<String> tlsVersion) {
        Instant notAfter = all.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
        Instant notBefore = all.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow();
        Optional<Boolean> chainValid = chains.isEmpty() ? Optional.empty()
                : Optional.of(chains.stream().allMatch(chain -> verifies(chain, trust, now)));
        Optional<Boolean> hostnameMatch = hostname.filter(h -> !chains.isEmpty())
                .map(h -> chains.stream().allMatch(chain -> HostnameMatcher.matches(chain.get(0), h)));
        return new CertResult(now, Optional.empty(), Optional.of(notAfter), Optional.of(notBefore), chainValid,
                hostnameMatch, tlsVersion);
    }

    static boolean verifies(List<X509Certificate> chain, TrustStore trust, Instant at) {
        List<X509Certificate> path = new ArrayList<>(chain);
        // servers may send their root: PKIX wants the path without the anchor
        while (path.size() > 1 && trust.isAnchor(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        if (path.size() == 1 && trust.isAnchor(path.get(0))) {
            return isCurrent(path.get(0), at); // a trusted self-signed certificate, pinned in the trust store
        }
        try {
            PKIXParameters parameters = new PKIXParameters(trust.anchors());
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isCurrent(X509Certificate cert, Instant at) {
        try {
            cert.checkValidity(Date.from(at));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
