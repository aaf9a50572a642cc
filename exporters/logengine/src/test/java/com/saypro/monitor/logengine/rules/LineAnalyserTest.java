package com.saypro.monitor.logengine.rules;

import static com.saypro.monitor.logengine.rules.Snapshots.counter;
import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.logengine.parse.Fields;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineAnalyserTest {

    /** Remembers the derived route of every line and exposes how many distinct routes it saw. */
    private static final class DistinctRoutes implements LineAnalyser {
        final List<String> seen = new ArrayList<>();

        @Override
        public synchronized void accept(Fields fields) {
            String route = fields.get("route");
            if (!seen.contains(route)) {
                seen.add(route);
            }
        }

        @Override
        public synchronized List<MetricSnapshot> collect() {
            return List.of(GaugeSnapshot.builder().name("distinct_routes").dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder().value(seen.size()).build()).build());
        }
    }

    @Test
    void analysersSeeDerivedFieldsAfterTheRulesAndAddTheirMetrics() {
        DistinctRoutes analyser = new DistinctRoutes();
        MetricRules rules = new MetricRules(
                List.of(FieldDerivation.route("route", "path", RouteClassifier.marketplaceDefaults())),
                List.of(MetricRule.counter("requests", "Requests").labelFromField("route").build()),
                List.of(analyser));
        for (String path : List.of("/cart", "/cart", "/search?q=x", "/products/1")) {
            rules.apply(Map.of("path", path)::get);
        }
        assertThat(analyser.seen).containsExactly("cart", "search", "product_listing");
        MetricSnapshots snapshots = rules.collect();
        assertThat(counter(snapshots, "requests", "route", "cart")).isEqualTo(2);
        GaugeSnapshot distinct = (GaugeSnapshot) Snapshots.metric(snapshots, "distinct_routes");
        assertThat(distinct.getDataPoints().get(0).getValue()).isEqualTo(3);
    }
}
