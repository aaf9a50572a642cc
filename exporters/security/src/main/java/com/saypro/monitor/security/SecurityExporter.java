package com.saypro.monitor.security;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running security exporter: its collectors, its routes and what must be closed with it. */
final class SecurityExporter implements Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityExporter.class);

    private final Map<String, SayproCollector> collectors;
    private final Map<String, List<MetricDef>> configured;
    private final List<Route> routes;
    private final List<String> description;
    private final List<AutoCloseable> resources;

    SecurityExporter(Map<String, SayproCollector> collectors, Map<String, List<MetricDef>> configured,
            List<Route> routes, List<String> description, List<AutoCloseable> resources) {
        this.collectors = Map.copyOf(collectors);
        this.configured = Map.copyOf(configured);
        this.routes = List.copyOf(routes);
        this.description = List.copyOf(description);
        this.resources = new ArrayList<>(resources);
    }

    @Override
    public Map<String, SayproCollector> collectors() {
        return collectors;
    }

    @Override
    public Map<String, List<MetricDef>> configuredMetrics() {
        return configured;
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public List<String> describe() {
        return description;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
