package com.saypro.monitor.network.dns;

import java.util.OptionalLong;

/**
 * One DNS check's outcome.
 *
 * @param rcode {@code NOERROR}, {@code NXDOMAIN}, ... or {@code TIMEOUT} / {@code ERROR} when no
 *     response came
 * @param ttl the smallest TTL among the answer's records of the asked type
 */
public record DnsResult(
    String rcode, double seconds, boolean success, boolean match, OptionalLong ttl, boolean authenticated,
    boolean tcpFallback, boolean responded) {}
