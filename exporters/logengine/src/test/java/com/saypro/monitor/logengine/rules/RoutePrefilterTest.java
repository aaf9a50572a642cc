package com.saypro.monitor.logengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The literal prefilter only ever skips rules that cannot match, and the hand-written matcher of the built-in rules
 * (MarketplaceRoutes) answers as their patterns do: classification is the same as running every pattern in order.
 */
class RoutePrefilterTest {

    private static final List<RouteRule> CUSTOM = List.of(
            RouteRule.of("api", "^/api/v[0-9]+/(orders|items)"),
            RouteRule.of("caseless", "(?i)^/ADMIN"),
            RouteRule.of("digits", "/x\\d{2,}y"),
            RouteRule.of("optional", "^/(opt)?ional$"),
            RouteRule.of("classes", "^/[a-c]at/[^/]+/edit$"),
            RouteRule.of("star", "^/star.*end$"),
            RouteRule.of("any", "."));

    @ParameterizedTest
    @CsvSource(delimiter = '~', textBlock = """
            ^/(api/)?(v[0-9]+/)?checkout(/|$)         ~ [checkout]
            ^/(api/)?(v[0-9]+/)?(cart|basket|bag)(/|$) ~ [cart, basket, bag]
            \\.(css|js)$                               ~ [.css, .js]
            ^/$                                        ~ [/]
            (?i)^/admin                                ~ none
            ^/a.*                                      ~ [/a]
            .                                          ~ none
            ^/(x)?                                     ~ [/]
            ^/x\\p{L}+                                 ~ none
            """)
    void requiredLiteralsOfAPattern(String regex, String expected) {
        Optional<List<String>> literals = RequiredLiterals.of(regex);
        assertThat(literals.map(Object::toString).orElse("none")).isEqualTo(expected);
    }

    @Test
    void everyDefaultRuleGetsAPrefilter() {
        for (RouteRule rule : defaultRules()) {
            assertThat(RequiredLiterals.of(rule.pattern().pattern())).as(rule.pattern().pattern()).isPresent();
        }
    }

    @Property(tries = 3000)
    void prefilteredClassificationEqualsPlainClassification(@ForAll("paths") String path) {
        RouteClassifier defaults = RouteClassifier.marketplaceDefaults();
        assertThat(defaults.classify(path)).isEqualTo(plain(defaultRules(), path, "other"));
        RouteClassifier custom = new RouteClassifier(CUSTOM, "rest");
        assertThat(custom.classify(path)).isEqualTo(plain(CUSTOM, path, "rest"));
        // a config's own routes before the built-in ones: RE2/J for the former, the hand-written matcher after
        List<RouteRule> both = new java.util.ArrayList<>(CUSTOM.subList(0, 5));
        both.addAll(defaultRules());
        assertThat(new RouteClassifier(both, "other").classify(path)).isEqualTo(plain(both, path, "other"));
        // the same through withDefaults, which never compiles the built-in patterns
        assertThat(RouteClassifier.withDefaults(CUSTOM.subList(0, 5), "other").classify(path))
                .isEqualTo(plain(both, path, "other"));
    }

    @Property(tries = 5000)
    void theBuiltInRulesMatchAsTheirPatterns(@ForAll("segmentPaths") String path) {
        assertThat(RouteClassifier.marketplaceDefaults().classify(path)).isEqualTo(plain(defaultRules(), path, "other"));
    }

    @Provide
    Arbitrary<String> segmentPaths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("", "api", "v1", "v23", "v", "vx", "static", "assets", "favicon.ico", "favicon", "css",
                        "checkout", "pay", "payment", "payments", "order", "orders", "callback", "webhook", "webhooks",
                        "notify", "ipn", "return", "stripe", "mollie", "cart", "basket", "bag", "search", "find",
                        "account", "accounts", "sign-in", "password-reset", "auth", "me", "my", "user", "users", "p",
                        "c", "products", "product", "categories", "categor", "category", "brands", "shop", "x.css",
                        "a.jpeg", "a.jpg", "b.woff2", "b.woff3", ".map", "index.html", "12345", "é", "me.js"),
                Arbitraries.strings().withChars("apcv0/.-").ofMaxLength(5));
        return Arbitraries.oneOf(
                segment.list().ofMaxSize(6).map(parts -> "/" + String.join("/", parts)),
                segment.list().ofMaxSize(6).map(parts -> String.join("/", parts)),
                segment.list().ofMaxSize(6).map(parts -> "/" + String.join("/", parts) + "/"));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> token = Arbitraries.of("/", "api", "v2", "v", "checkout", "cart", "bag", "search",
                "account", "login", "password-reset", "products", "p", "c", "static", "images", ".css", ".js", ".webp",
                "favicon.ico", "callback", "webhook", "payments", "pay", "orders", "stripe", "123", "x12y", "ADMIN",
                "admin", "opt", "ional", "cat", "bat", "edit", "star", "end", "items", "?q=1", "-", "é", "");
        return token.list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    private static List<RouteRule> defaultRules() {
        return RouteClassifier.defaultRules();
    }

    private static String plain(List<RouteRule> rules, String path, String fallback) {
        if (path == null || path.isEmpty() || path.equals("-")) {
            return fallback;
        }
        int query = path.indexOf('?');
        String clean = query >= 0 ? path.substring(0, query) : path;
        for (RouteRule rule : rules) {
            if (rule.pattern().matcher(clean).find()) {
                return rule.route();
            }
        }
        return fallback;
    }
}
