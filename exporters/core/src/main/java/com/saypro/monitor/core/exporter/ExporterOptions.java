package com.saypro.monitor.core.exporter;

import com.saypro.monitor.core.collect.CollectorWorkers;
import com.saypro.monitor.core.http.ListenAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Everything needed to start one exporter: what it is, its files and address, and the shared
 * resources of the JVM it runs in (injected, so tests and {@code all} control them).
 *
 * @param configNode for {@code all}: an inline config from the suite file, used instead of {@code configFile}
 */
public record ExporterOptions(
    ExporterDefinition definition,
    Optional<Path> configFile,
    Optional<com.saypro.monitor.core.config.ConfigNode> configNode,
    ListenAddress listenAddress,
    Optional<Path> webConfigFile,
    boolean jvmMetricsDefault,
    Clock clock,
    Function<String, String> environment,
    CollectorWorkers workers,
    ThreadPool threadPool) {}
