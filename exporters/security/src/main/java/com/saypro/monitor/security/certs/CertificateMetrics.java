package com.saypro.monitor.security.certs;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collector {@code certificates}: the cached results of the background checks ({@link CertChecker}); a scrape
 * never opens a connection. A target appears after its first check.
 *
 * <pre>
 * saypro_security_cert_not_after_timestamp_seconds{target="shop"} 1.7648e+09
 * saypro_security_cert_chain_valid{target="shop"} 1
 * saypro_security_cert_hostname_match{target="shop"} 1
 * saypro_security_cert_check_success{target="shop"} 1
 * saypro_security_cert_tls_version_info{target="shop",version="TLSv1.3"} 1
 * saypro_security_cert_check_success{target="tomcat"} 0
 * saypro_security_cert_check_error{target="tomcat",reason="wrong_password"} 1
 * </pre>
 */
public final class CertificateMetrics implements SayproCollector {

    public static final MetricDef NOT_AFTER = MetricDef.gauge("saypro_security_cert_not_after_timestamp_seconds",
            "Earliest expiry (notAfter) among the certificates of the chain or keystore, Unix seconds.", "target");
    public static final MetricDef NOT_BEFORE = MetricDef.gauge("saypro_security_cert_not_before_timestamp_seconds",
            "Latest start of validity (notBefore) among the certificates, Unix seconds.", "target");
    public static final MetricDef CHAIN_VALID = MetricDef.gauge("saypro_security_cert_chain_valid",
            "1 if the chain verifies against the configured trust store at check time (PKIX, no revocation).",
            "target");
    public static final MetricDef HOSTNAME_MATCH = MetricDef.gauge("saypro_security_cert_hostname_match",
            "1 if the leaf certificate is valid for the server name (network targets; files with server_name).",
            "target");
    public static final MetricDef CHECK_SUCCESS = MetricDef.gauge("saypro_security_cert_check_success",
            "1 if the last check could connect and read the certificates; 0 with saypro_security_cert_check_error.",
            "target");
    public static final MetricDef CHECK_ERROR = MetricDef.gauge("saypro_security_cert_check_error",
            "1 for the reason the last check failed (connect_failed, timeout, starttls_refused, no_tls,"
                    + " handshake_failed, protocol_error, not_found, unreadable, bad_format, wrong_password,"
                    + " no_certificate).", "target", "reason");
    public static final MetricDef TLS_VERSION = MetricDef.info("saypro_security_cert_tls_version_info",
            "The TLS protocol version negotiated with a network target.", "target", "version");
    public static final MetricDef CHECKED = MetricDef.gauge("saypro_security_cert_check_timestamp_seconds",
            "When the cached result was taken, Unix seconds.", "target");

    public static final List<MetricDef> METRICS = List.of(NOT_AFTER, NOT_BEFORE, CHAIN_VALID, HOSTNAME_MATCH,
            CHECK_SUCCESS, CHECK_ERROR, TLS_VERSION, CHECKED);

    private final CertChecker checker;

    public CertificateMetrics(CertChecker checker) {
        this.checker = checker;
    }

    @Override
    public List<MetricSnapshot> collect(CollectContext context) {
        Map<String, CertResult> results = new TreeMap<>(checker.results());
        MetricDef.Points notAfter = NOT_AFTER.points();
        MetricDef.Points notBefore = NOT_BEFORE.points();
        MetricDef.Points chainValid = CHAIN_VALID.points();
        MetricDef.Points hostname = HOSTNAME_MATCH.points();
        MetricDef.Points success = CHECK_SUCCESS.points();
        MetricDef.Points error = CHECK_ERROR.points();
        MetricDef.Points version = TLS_VERSION.points();
        MetricDef.Points checked = CHECKED.points();
        results.forEach((target, r) -> {
            success.add(r.success() ? 1 : 0, target);
            r.error().ifPresent(reason -> error.add(1, target, reason));
            r.notAfter().ifPresent(t -> notAfter.add(t.getEpochSecond(), target));
            r.notBefore().ifPresent(t -> notBefore.add(t.getEpochSecond(), target));
            r.chainValid().ifPresent(v -> chainValid.add(v ? 1 : 0, target));
            r.hostnameMatch().ifPresent(v -> hostname.add(v ? 1 : 0, target));
            r.tlsVersion().ifPresent(v -> version.add(1, target, v));
            checked.add(r.checkedAt().toEpochMilli() / 1000.0, target);
        });
        return List.of(notAfter.build(), notBefore.build(), chainValid.build(), hostname.build(), success.build(),
                error.build(), version.build(), checked.build());
    }
}
