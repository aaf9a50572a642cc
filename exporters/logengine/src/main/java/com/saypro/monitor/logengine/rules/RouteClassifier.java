package com.saypro.monitor.logengine.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps URL paths to a small, fixed set of route classes, first matching rule wins. Raw paths carry product
 * IDs, UUIDs and session tokens: as label values they would create a series per ID. Route classes cannot: the
 * result is always one of the rules' route names or the fallback.
 */
public final class RouteClassifier {

    public static final String OTHER = "other";

    private final List<RouteRule> rules;
    private final RouteRule[] ruleArray;
    private final String fallback;
    private final LiteralScanner scanner;
    /** Rules that run whatever the path holds: no required literal could be worked out for them. */
    private final long alwaysRun;
    /**
     * Recent answers by exact path, direct-mapped (none when every rule is a built-in one, see {@link #classify}): {@code /cart}, {@code /search}, {@code /} and friends repeat on
     * every other line. Entries are immutable, so threads sharing a classifier at worst miss, never see a torn one.
     */
    private final Answer[] recent;
    private static final int RECENT = 4096;

    private record Answer(String path, String route) {
    }

    /**
     * Where the built-in rules start when the list ends with exactly them (a config's own routes come first):
     * from there {@link MarketplaceRoutes} answers by hand, the same as their patterns would; -1 otherwise.
     */
    private final int defaultsFrom;

    public RouteClassifier(List<RouteRule> rules, String fallback) {
        this.rules = List.copyOf(rules);
        this.ruleArray = this.rules.toArray(RouteRule[]::new);
        if (fallback == null || fallback.isEmpty()) {
            throw new IllegalArgumentException("fallback route must not be empty");
        }
        this.fallback = fallback;
        List<List<String>> literals = new ArrayList<>();
        long always = 0;
        for (int i = 0; i < Math.min(ruleArray.length, LiteralScanner.MAX_PATTERNS); i++) {
            List<String> required = RequiredLiterals.of(ruleArray[i].pattern().pattern()).orElse(List.of());
            literals.add(required);
            if (required.isEmpty()) {
                always |= 1L << i;
            }
        }
        this.scanner = new LiteralScanner(literals);
        this.alwaysRun = always;
        this.defaultsFrom = endsWithDefaults(this.rules);
        this.recent = defaultsFrom == 0 ? null : new Answer[RECENT];
    }

    private static int endsWithDefaults(List<RouteRule> rules) {
        int from = rules.size() - DEFAULT_RULES.size();
        if (from < 0) {
            return -1;
        }
        for (int i = 0; i < DEFAULT_RULES.size(); i++) {
            RouteRule rule = rules.get(from + i);
            RouteRule builtIn = DEFAULT_RULES.get(i);
            if (!rule.route().equals(builtIn.route())
                    || !rule.pattern().pattern().equals(builtIn.pattern().pattern())
                    || rule.pattern().flags() != builtIn.pattern().flags()) {
                return -1;
            }
        }
        return from;
    }

    /**
     * Defaults for a marketplace. Order matters: payment callbacks before checkout (both live under
     * /checkout on many shops), static assets first because they are the bulk of traffic. Every rule is anchored
     * at the start of the path or starts with a literal, so RE2/J rejects a non-matching path after a few
     * characters; case-sensitive, as nginx locations are.
     */
    public static RouteClassifier marketplaceDefaults() {
        return new RouteClassifier(DEFAULT_RULES, OTHER);
    }

    private static final String API = "^/(api/)?(v[0-9]+/)?";
    private static final List<RouteRule> DEFAULT_RULES = List.of(
            RouteRule.of("static", "^/(static|assets|media|images|img|css|js|fonts|favicon\\.ico)(/|$)"),
            RouteRule.of("static", "\\.(css|js|mjs|map|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|eot)$"),
            RouteRule.of("payment_callback", API + "(payments?|checkout|orders?)(/[^/]+)*"
                    + "/(callback|webhook|notify|ipn|return)(/|$)"),
            RouteRule.of("payment_callback", API + "webhooks?/(payments?|stripe|paypal|payfast|adyen|mollie)(/|$)"),
            RouteRule.of("checkout", API + "checkout(/|$)"),
            RouteRule.of("checkout", API + "(pay|payments?)(/|$)"), // the payment step of a checkout
            RouteRule.of("cart", API + "(cart|basket|bag)(/|$)"),
            RouteRule.of("search", API + "(search|find)(/|$)"),
            RouteRule.of("account", API + "(account|accounts|profile|login|logout|register|signup|signin|"
                    + "sign-in|sign-up|password|password-reset|forgot-password|auth|me|users?/me|my)(/|$)"),
            RouteRule.of("product_listing", API + "(products?|items?|listings?|categor(y|ies)|collections?|"
                    + "shop|catalog|brands?|c|p)(/|$)"),
            RouteRule.of("product_listing", "^/$"));

    /** The route class of a path; a query string, if still present, is ignored. */
    public String classify(String path) {
        if (path == null || path.isEmpty() || path.equals("-")) {
            return fallback;
        }
        int query = path.indexOf('?');
        String clean = query >= 0 ? path.substring(0, query) : path;
        if (defaultsFrom == 0) {
            // only the built-in rules, matched by hand in a few nanoseconds per segment: cheaper than the cache,
            // whose entries for paths with IDs are misses that cost a hash, a probe into a cold array and an entry
            String route = MarketplaceRoutes.match(clean);
            return route != null ? route : fallback;
        }
        int slot = clean.hashCode() & (RECENT - 1);
        Answer known = recent[slot];
        if (known != null && known.path().equals(clean)) {
            return known.route();
        }
        String route = match(clean);
        if (clean.length() <= 256) {
            recent[slot] = new Answer(clean, route);
        }
        return route;
    }

    private String match(String clean) {
        int regexRules = defaultsFrom < 0 ? ruleArray.length : defaultsFrom;
        // one pass over the path finds the rules that could match; only those pay for RE2/J
        long candidates = regexRules == 0 ? 0 : scanner.scan(clean) | alwaysRun;
        for (int i = 0; i < regexRules; i++) {
            boolean candidate = i >= LiteralScanner.MAX_PATTERNS || (candidates & (1L << i)) != 0;
            if (candidate && ruleArray[i].pattern().matcher(clean).find()) {
                return ruleArray[i].route();
            }
        }
        if (defaultsFrom >= 0) {
            String route = MarketplaceRoutes.match(clean);
            return route != null ? route : fallback;
        }
        return fallback;
    }

    /** The rules in the order they are tried. */
    public List<RouteRule> rules() {
        return rules;
    }

    /** Every value {@link #classify} can return. */
    public Set<String> routes() {
        Set<String> routes = new LinkedHashSet<>();
        rules.forEach(r -> routes.add(r.route()));
        routes.add(fallback);
        return routes;
    }
}
