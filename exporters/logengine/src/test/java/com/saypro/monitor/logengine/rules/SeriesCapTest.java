package com.saypro.monitor.logengine.rules;

import static com.saypro.monitor.logengine.rules.Snapshots.counter;
import static com.saypro.monitor.logengine.rules.Snapshots.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A million distinct URLs, as a crawler or an attack produces: memory and series stay bounded. */
class SeriesCapTest {

    @Test
    void aMillionUniqueUrlsYieldBoundedRoutesAndACappedRawPathMetric() {
        MetricRules rules = new MetricRules(
                List.of(FieldDerivation.route("route", "path", RouteClassifier.marketplaceDefaults())),
                List.of(MetricRule.counter("requests_by_route", "").labelFromField("route").build(),
                        MetricRule.counter("requests_by_raw_path", "").labelFromField("path").maxSeries(1000)
                                .build()));
        String[] prefixes = {"/products/", "/cart/", "/checkout/", "/search/", "/account/", "/static/x", "/u/"};
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            String id = (i % 2 == 0) ? Integer.toString(i) : UUID.nameUUIDFromBytes(Integer.toString(i).getBytes())
                    .toString();
            fields.put("path", prefixes[i % prefixes.length] + id + "?session=" + i);
            rules.apply(fields::get);
        }

        MetricSnapshots snapshots = rules.collect();
        assertThat(metric(snapshots, "requests_by_route").getDataPoints()).extracting(p -> p.getLabels().get("route"))
                .allMatch(RouteClassifier.marketplaceDefaults().routes()::contains)
                .noneMatch(route -> route.matches(".*[0-9].*"));
        assertThat(metric(snapshots, "requests_by_raw_path").getDataPoints()).hasSize(1000 + 1);
        assertThat(counter(snapshots, "requests_by_raw_path", "path", "__overflow__")).isEqualTo(999_000);
        assertThat(rules.stats()).contains(new RuleStats("requests_by_raw_path", 1001, 999_000, 0));
        double total = metric(snapshots, "requests_by_route").getDataPoints().stream()
                .mapToDouble(p -> ((io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot) p)
                        .getValue()).sum();
        assertThat(total).isEqualTo(1_000_000);
    }
}
