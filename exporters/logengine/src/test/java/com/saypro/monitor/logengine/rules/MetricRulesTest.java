package com.saypro.monitor.logengine.rules;

import static com.saypro.monitor.logengine.rules.Snapshots.counter;
import static com.saypro.monitor.logengine.rules.Snapshots.histogram;
import static com.saypro.monitor.logengine.rules.Snapshots.metric;
import static com.saypro.monitor.logengine.rules.Snapshots.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.logengine.parse.Fields;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricRulesTest {

    private static Fields line(String... keyValues) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map::get;
    }

    private final List<FieldDerivation> derivations = List.of(
            FieldDerivation.route("route", "path", RouteClassifier.marketplaceDefaults()),
            FieldDerivation.statusClass("status_class", "status"));

    @Test
    void requestsAreCountedByRouteAndStatusClassAndTimedPerRoute() {
        MetricRules rules = new MetricRules(derivations, List.of(
                MetricRule.counter("http_requests", "Requests").labelFromField("route")
                        .labelFromField("status_class").label(Label.constant("site", "shop")).build(),
                MetricRule.histogram("http_request_duration_seconds", "Request time").labelFromField("route")
                        .valueField("request_time").build()));
        rules.apply(line("path", "/cart", "status", "200", "request_time", "0.050"));
        rules.apply(line("path", "/cart", "status", "201", "request_time", "0.100"));
        rules.apply(line("path", "/products/9", "status", "503", "request_time", "2.0"));
        rules.apply(line("path", "/products/9", "status", "404", "request_time", "-"));

        MetricSnapshots snapshots = rules.collect();
        assertThat(counter(snapshots, "http_requests", "route", "cart", "status_class", "2xx", "site", "shop"))
                .isEqualTo(2);
        assertThat(counter(snapshots, "http_requests", "route", "product_listing", "status_class", "5xx",
                "site", "shop")).isEqualTo(1);

        HistogramSnapshot.HistogramDataPointSnapshot cart =
                histogram(snapshots, "http_request_duration_seconds", "route", "cart");
        assertThat(cart.getCount()).isEqualTo(2);
        assertThat(cart.getSum()).isEqualTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cart.getClassicBuckets().stream()).extracting(ClassicHistogramBucket::getUpperBound)
                .contains(0.1);
        long withinATenth = cart.getClassicBuckets().stream().filter(b -> b.getUpperBound() <= 0.1)
                .mapToLong(ClassicHistogramBucket::getCount).sum();
        assertThat(withinATenth).as("0.1 s itself falls in the le=\"0.1\" bucket").isEqualTo(2);
        // "-" means nginx measured nothing: not observed rather than observed as 0
        assertThat(histogram(snapshots, "http_request_duration_seconds", "route", "product_listing").getCount())
                .isEqualTo(1);
    }

    @Test
    void conditionsSelectLinesAndGaugesKeepTheLastValue() {
        MetricRules rules = new MetricRules(List.of(), List.of(
                MetricRule.counter("failed_logins", "Failed logins").labelFromField("user")
                        .when(Condition.equals("event", "login")).when(Condition.matches("result", "^fail"))
                        .build(),
                MetricRule.gauge("queue_depth", "Last reported depth").valueField("depth").build()));
        rules.apply(line("event", "login", "result", "failed", "user", "bob", "depth", "3"));
        rules.apply(line("event", "login", "result", "ok", "user", "bob", "depth", "7"));
        rules.apply(line("event", "logout", "result", "failed", "user", "bob"));

        MetricSnapshots snapshots = rules.collect();
        assertThat(counter(snapshots, "failed_logins", "user", "bob")).isEqualTo(1);
        assertThat(((GaugeSnapshot.GaugeDataPointSnapshot) point(snapshots, "queue_depth")).getValue())
                .isEqualTo(7);
    }

    @Test
    void aCounterCanSumAValueFieldSuchAsBytes() {
        MetricRules rules = new MetricRules(List.of(), List.of(
                MetricRule.counter("response_bytes", "Bytes sent").valueField("body_bytes_sent").build()));
        rules.apply(line("body_bytes_sent", "100"));
        rules.apply(line("body_bytes_sent", "-"));
        rules.apply(line("body_bytes_sent", "50"));
        assertThat(counter(rules.collect(), "response_bytes")).isEqualTo(150);
    }

    @Test
    void longLabelValuesAreTruncatedAndCounted() {
        MetricRules rules = new MetricRules(List.of(), List.of(
                MetricRule.counter("by_agent", "").labelFromField("agent").maxLabelValueLength(10).build()));
        rules.apply(line("agent", "Mozilla/5.0 (X11; Linux x86_64)"));
        assertThat(counter(rules.collect(), "by_agent", "agent", "Mozilla/5.")).isEqualTo(1);
        assertThat(rules.stats()).containsExactly(new RuleStats("by_agent", 1, 0, 1));
    }

    @Test
    void badRulesAreRejectedWithTheRuleNamed() {
        assertThatThrownBy(() -> MetricRule.counter("http_requests_total", "").build())
                .hasMessageContaining("without _total");
        assertThatThrownBy(() -> MetricRule.histogram("latency", "").build())
                .hasMessageContaining("latency: a histogram needs a value field");
        assertThatThrownBy(() -> MetricRule.histogram("latency", "").valueField("t").buckets(List.of(1.0, 0.5))
                .build()).hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> MetricRule.counter("x", "").labelFromField("a").labelFromField("a").build())
                .hasMessageContaining("duplicate label 'a'");
        assertThatThrownBy(() -> MetricRule.counter("bad-name", "").build()).hasMessageContaining("bad-name");
        assertThatThrownBy(() -> Condition.matches("path", "(")).hasMessageContaining("field 'path'");
        MetricRule one = MetricRule.counter("x", "").build();
        assertThatThrownBy(() -> new MetricRules(List.of(), List.of(one, one))).hasMessageContaining("'x'");
        assertThat(metric(new MetricRules(List.of(), List.of(one)).collect(), "x").getDataPoints()).isEmpty();
    }

    @Test
    void initialSeriesAreExposedAtZeroAndCountFromThere() {
        MetricRules rules = new MetricRules(derivations, List.of(
                MetricRule.counter("http_requests", "Requests").labelFromField("route").labelFromField("status_class")
                        .initialSeries("checkout", "5xx").initialSeries("checkout", "2xx").build()));
        MetricSnapshots fresh = rules.collect();
        assertThat(counter(fresh, "http_requests", "route", "checkout", "status_class", "5xx")).isZero();
        assertThat(counter(fresh, "http_requests", "route", "checkout", "status_class", "2xx")).isZero();
        assertThat(metric(fresh, "http_requests").getDataPoints()).hasSize(2);

        rules.apply(line("path", "/checkout", "status", "502"));
        rules.apply(line("path", "/cart", "status", "200"));
        MetricSnapshots after = rules.collect();
        assertThat(counter(after, "http_requests", "route", "checkout", "status_class", "5xx")).isEqualTo(1);
        assertThat(counter(after, "http_requests", "route", "cart", "status_class", "2xx")).isEqualTo(1);
        assertThat(metric(after, "http_requests").getDataPoints()).hasSize(3);

        assertThatThrownBy(() -> MetricRule.counter("x", "").labelFromField("a").initialSeries("1", "2").build())
                .hasMessageContaining("x: initial series [1, 2] has 2 values for 1 labels");
        assertThatThrownBy(() -> MetricRule.counter("x", "").labelFromField("a").maxSeries(1)
                .initialSeries("1").initialSeries("2").build())
                .hasMessageContaining("x: 2 initial series exceed maxSeries 1");
        MetricRule capped = MetricRule.counter("x", "").labelFromField("a").initialSeries("1").initialSeries("2")
                .build().withLimits(1, 10);
        assertThat(capped.initialSeries()).containsExactly(List.of("1"));
    }
}
