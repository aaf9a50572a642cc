package com.saypro.monitor.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogPreset.PresetMetric;
import com.saypro.monitor.logengine.config.SourceParser;
import com.saypro.monitor.logengine.rules.Condition;
import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.Label;
import com.saypro.monitor.logengine.rules.MetricRule;
import java.util.List;
import java.util.Map;

/**
 * {@code preset: marketplace_app}: the marketplace application's JSON log (one object per line, fields as the demo
 * marketplace documents them in demo/API.md, "Application log") as error counters. Only bounded fields become
 * labels: gateway names, error codes, reasons; never the user, order number or client address in the same lines.
 *
 * <pre>
 * saypro_app_payment_errors_total{gateway="sandbox",error_code="declined"} 17
 * saypro_app_product_listing_errors_total{route="search",error="database_unavailable"} 3
 * saypro_app_account_errors_total{action="login",reason="bad_password"} 41
 * </pre>
 */
final class MarketplaceAppPreset {

    /** Which failure event is which account action. */
    static final Map<String, String> ACCOUNT_FAILURES = Map.of(
            "login_failed", "login",
            "registration_failed", "registration",
            "password_reset_failed", "password_reset");

    /** Gateways, error codes and reasons are small fixed sets; the cap only guards against a buggy writer. */
    static final int MAX_SERIES = 200;

    static final MetricDef PAYMENT_ERRORS = MetricDef.counter("saypro_app_payment_errors_total",
            "Failed payments (event payment_failed) by payment gateway and error code.", "gateway", "error_code");
    static final MetricDef LISTING_ERRORS = MetricDef.counter("saypro_app_product_listing_errors_total",
            "Failed product listings, searches and product pages (event product_listing_error) by route and error.",
            "route", "error");
    static final MetricDef ACCOUNT_ERRORS = MetricDef.counter("saypro_app_account_errors_total",
            "Failed logins, registrations and password resets by action and reason.", "action", "reason");

    static final List<MetricDef> METRICS = List.of(PAYMENT_ERRORS, LISTING_ERRORS, ACCOUNT_ERRORS);

    private MarketplaceAppPreset() {
    }

    static LogPreset preset() {
        return new LogPreset("marketplace_app", "the marketplace application's JSON log", SourceParser::json,
                routes -> List.of(FieldDerivation.lookup("account_action", "event", ACCOUNT_FAILURES)), List.of(
                        PresetMetric.of(PAYMENT_ERRORS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("gateway").labelFromField("error_code")
                                .when(Condition.equals("event", "payment_failed")).maxSeries(MAX_SERIES).build()),
                        PresetMetric.of(LISTING_ERRORS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .labelFromField("route").labelFromField("error")
                                .when(Condition.equals("event", "product_listing_error")).maxSeries(MAX_SERIES)
                                .build()),
                        PresetMetric.of(ACCOUNT_ERRORS, def -> MetricRule.counter(def.snapshotName(), def.help())
                                .label(Label.fromField("action", "account_action"))
                                .labelFromField("reason").when(Condition.present("account_action"))
                                .maxSeries(MAX_SERIES).build())));
    }
}
