package com.saypro.monitor.logs;

import com.saypro.monitor.core.collect.CollectContext;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.logengine.config.LogSources;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * Collector {@code rules}: the metrics the log lines made, presets' and the config's own rules'. The lines are
 * read in the background; a scrape only copies the current counts, so it costs the same however busy the logs.
 *
 * <pre>
 * saypro_http_requests_total{route="cart",method="GET",status_class="2xx"} 5120
 * saypro_http_request_duration_seconds_bucket{route="cart",le="0.1"} 5003
 * saypro_app_payment_errors_total{gateway="cardpay",error_code="timeout"} 4
 * saypro_shop_slow_checkouts_total 12     (a rule from the config)
 * </pre>
 */
final class LogRuleMetrics implements SayproCollector {

    private final LogSources sources;

    LogRuleMetrics(LogSources sources) {
        this.sources = sources;
    }

    @Override
    public List<MetricSnapshot> collect(CollectContext context) {
        return sources.ruleMetrics();
    }
}
