package com.saypro.monitor.network.config;

import java.time.Duration;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * One DNS check: {@code query} of {@code type} asked of {@code resolver}.
 *
 * @param name the {@code query} label value
 * @param expected the answer's records in presentation form ({@code 10.0.0.1}, {@code mail.x.}); empty
 *     when any answer is right
 */
public record DnsQueryConfig(
    String name,
    ResolverConfig resolver,
    Name query,
    int type,
    Set<String> expected,
    Duration interval,
    Duration timeout) {}
