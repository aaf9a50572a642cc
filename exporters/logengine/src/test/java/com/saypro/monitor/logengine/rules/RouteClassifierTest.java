package com.saypro.monitor.logengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RouteClassifierTest {

    private final RouteClassifier defaults = RouteClassifier.marketplaceDefaults();

    @ParameterizedTest
    @CsvSource(textBlock = """
            /checkout,                                              checkout
            /checkout/shipping?step=2,                              checkout
            /api/v2/checkout/550e8400-e29b-41d4-a716-446655440000,  checkout
            /checkout/payment/callback,                             payment_callback
            /api/payments/9f1c/webhook,                             payment_callback
            /webhooks/stripe,                                       payment_callback
            /cart,                                                  cart
            /api/cart/items/123,                                    cart
            /products/12345,                                        product_listing
            /category/shoes/page/3,                                 product_listing
            /,                                                      product_listing
            /search?q=red+shoes,                                    search
            /account/orders/77,                                     account
            /login,                                                 account
            /static/app.9f8e7d.css,                                 static
            /images/p/12345.webp,                                   static
            /favicon.ico,                                           static
            /admin/reports,                                         other
            /cartography,                                           other
            GARBAGE,                                                other
            -,                                                      other
            """)
    void marketplaceDefaultsClassifyTypicalPaths(String path, String route) {
        assertThat(defaults.classify(path)).isEqualTo(route);
    }

    @Test
    void onlyTheDeclaredRoutesCanComeOut() {
        assertThat(defaults.routes()).containsExactly("static", "payment_callback", "checkout", "cart", "search",
                "account", "product_listing", "other");
    }

    @Test
    void theBuiltInRulesKnownWithoutCompilingThemAreTheRules() {
        List<RouteRule> rules = RouteClassifier.defaultRules();
        assertThat(rules).hasSize(RouteClassifier.DEFAULT_RULE_COUNT);
        assertThat(rules).extracting(RouteRule::route).containsExactlyElementsOf(RouteClassifier.DEFAULT_ROUTES);
        assertThat(defaults.rules()).isEqualTo(rules);
        RouteClassifier own = RouteClassifier.withDefaults(List.of(RouteRule.of("admin", "^/admin/")), "rest");
        assertThat(own.rules()).hasSize(rules.size() + 1).endsWith(rules.toArray(RouteRule[]::new));
        assertThat(own.routes()).containsExactly("admin", "static", "payment_callback", "checkout", "cart", "search",
                "account", "product_listing", "rest");
        assertThat(own.classify("/admin/x")).isEqualTo("admin");
        assertThat(own.classify("/cart")).isEqualTo("cart");
        assertThat(own.classify("/unknown")).isEqualTo("rest");
    }

    @Test
    void customRulesAreTriedInOrder() {
        RouteClassifier custom = new RouteClassifier(List.of(RouteRule.of("api", "^/api/"),
                RouteRule.of("cart", "/cart")), "rest");
        assertThat(custom.classify("/api/cart")).isEqualTo("api");
        assertThat(custom.classify("/my/cart")).isEqualTo("cart");
        assertThat(custom.classify("/x")).isEqualTo("rest");
        assertThat(custom.routes()).containsExactly("api", "cart", "rest");
    }
}
