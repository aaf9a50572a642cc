package com.saypro.monitor.logengine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every log source of an exporter and how often they are polled.
 *
 * @param stateDirectory where each source keeps {@code <name>.state.json} (its read positions)
 */
public record LogSourcesConfig(Path stateDirectory, Duration pollInterval, List<LogSourceSpec> sources) {

    public LogSourcesConfig {
        sources = List.copyOf(sources);
    }
}
