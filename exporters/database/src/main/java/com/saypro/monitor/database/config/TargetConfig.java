package com.saypro.monitor.database.config;

import com.saypro.monitor.core.config.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * One database to watch. The URL never carries credentials (the reader refuses them), so it can be
 * shown on the landing page; the password lives only in {@link #password}.
 *
 * @param connectTimeout how long a scrape waits for a connection: shorter than the scrape deadline
 * @param statementTimeout server-side limit on every statement of the exporter's sessions
 * @param lockTimeout server-side limit on waiting for a lock
 */
public record TargetConfig(
    String name,
    Engine engine,
    String url,
    String user,
    Optional<Secret> password,
    int maxConnections,
    Duration connectTimeout,
    Duration statementTimeout,
    Duration lockTimeout) {}
