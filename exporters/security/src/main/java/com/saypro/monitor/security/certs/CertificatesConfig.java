package com.saypro.monitor.security.certs;

import java.time.Duration;
import java.util.List;

/** The {@code certificates} section, validated. */
public record CertificatesConfig(Duration interval, Duration retryInterval, int concurrency,
        List<CertTarget> targets) {

    public CertificatesConfig {
        targets = List.copyOf(targets);
    }
}
