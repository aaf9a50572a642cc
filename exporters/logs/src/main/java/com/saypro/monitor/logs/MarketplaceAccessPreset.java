package com.saypro.monitor.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogPreset.PresetMetric;
import com.saypro.monitor.logengine.config.SourceParser;
import com.saypro.monitor.logengine.config.StandardFields;
import com.saypro.monitor.logengine.rules.Condition;
import com.saypro.monitor.logengine.rules.MetricRule;
import java.util.List;

/**
 * {@code preset: marketplace_access}: the web server's access log as request rates, latency, bytes and upstream
 * balance. Reads the demo marketplace's format by default (nginx's {@code combined} plus request time and
 * upstream), which is also what a production nginx in front of the marketplace should log; a source may set
 * {@code parser} to read another format (with {@code combined}, the time and upstream metrics stay empty).
 *
 * <pre>
 * saypro_http_requests_total{route="checkout",method="POST",status_class="2xx"} 1042
 * saypro_http_request_duration_seconds_bucket{route="checkout",le="0.1"} 978
 * saypro_http_response_bytes_total{route="product_listing"} 8.1e+07
 * saypro_http_upstream_requests_total{upstream="127.0.0.1:8492"} 5120
 * saypro_http_upstream_response_time_seconds_sum{upstream="127.0.0.1:8492"} 212.4
 * </pre>
 */
final class MarketplaceAccessPreset {

    /** The demo marketplace's {@code log_format saypro} (docs: demo/API.md, "Access log"). */
    static final String LOG_FORMAT = "$remote_addr - $remote_user [$time_local] \"$request\" $status "
            + "$body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time $upstream_addr "
            + "$upstream_response_time $upstream_status";

    /** Include 0.1 s (the SLA target for API calls) and the page-load targets 0.25, 0.5, 1 and 2.5 s. */
    static final List<Double> BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    /** Backends are few; a flood of addresses (a misconfigured upstream block) ends in __overflow__. */
    static final int MAX_UPSTREAMS = 64;

    static final MetricDef REQUESTS = MetricDef.counter("saypro_http_requests_total",
            "Requests by route class, method (unknown methods are other) and status class, from the access log.",
            "route", "method", "status_class");
    static final MetricDef DURATION = MetricDef.histogram("saypro_http_request_duration_seconds",
            "Request time ($request_time: first byte read to last byte sent) by route class.", "route");
    static final MetricDef RESPONSE_BYTES = MetricDef.counter("saypro_http_response_bytes_total",
            "Response body bytes sent ($body_bytes_sent) by route class.", "route");
    static final MetricDef UPSTREAM_REQUESTS = MetricDef.counter("saypro_http_upstream_requests_total",
            "Requests answered by each upstream (the last address of $upstream_addr); shows how evenly backends"
                    + " share the load.", "upstream");
    static final MetricDef UPSTREAM_TIME = MetricDef.histogram("saypro_http_upstream_response_time_seconds",
            "Response time of each upstream (the last entry of $upstream_response_time).", "upstream");

    static final List<MetricDef> METRICS = List.of(REQUESTS, DURATION, RESPONSE_BYTES, UPSTREAM_REQUESTS,
            UPSTREAM_TIME);

    /** The marketplace's route classes: each gets its request series at zero from the start. */
    static final List<String> ROUTE_CLASSES = List.of(
            "checkout", "payment_callback", "cart", "search", "account", "product_listing", "static", "other");

    private MarketplaceAccessPreset() {
    }

    /**
     * Every route class's GET and POST series of successes and server errors start at 0, so an SLO's error
     * ratio sees the first 5xx of a route as an increase: a series born with the value 1 needs a second
     * sample before rate() sees anything, and its first error is never counted.
     */
    private static MetricRule.Builder initialised(MetricRule.Builder requests) {
        for (String route : ROUTE_CLASSES) {
            for (String method : List.of("GET", "POST")) {
                for (String statusClass : List.of("2xx", "5xx")) {
                    requests.initialSeries(route, method, statusClass);
                }
            }
        }
        return requests;
    }

    static LogPreset preset() {
        return new LogPreset("marketplace_access", "the marketplace's web server access log",
                () -> SourceParser.nginx(LOG_FORMAT), StandardFields::nginx, List.of(
                        PresetMetric.of(REQUESTS, def -> initialised(MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("route").labelFromField("method").labelFromField("status_class"))
                                .build()),
                        PresetMetric.of(DURATION, def -> MetricRule.histogram(def.snapshotName(), def.help())
                                .labelFromField("route").valueField("request_time").buckets(BUCKETS).build()),
                        PresetMetric.of(RESPONSE_BYTES, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("route").valueField("body_bytes_sent").build()),
                        PresetMetric.of(UPSTREAM_REQUESTS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("upstream").when(Condition.present("upstream"))
                                .maxSeries(MAX_UPSTREAMS).build()),
                        PresetMetric.of(UPSTREAM_TIME, def -> MetricRule.histogram(def.snapshotName(), def.help())
                                .labelFromField("upstream").valueField("upstream_time")
                                .when(Condition.present("upstream")).buckets(BUCKETS).maxSeries(MAX_UPSTREAMS)
                                .build())));
    }
}
