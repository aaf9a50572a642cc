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

    /** The rules tried by RE2/J, in order: all of them, or those before the built-in ones. */
    private final RouteRule[] ruleArray;
    /** Whether the built-in rules follow {@link #ruleArray}, answered by {@link MarketplaceRoutes}. */
    private final boolean builtIns;
    private final String fallback;
    private final LiteralScanner scanner;
    /** Rules that run whatever the path holds: no required literal could be worked out for them. */
    private final long alwaysRun;
    /**
     * Recent answers by exact path, direct-mapped (none when only the built-in rules run, see {@link #classify}):
     * {@code /cart}, {@code /search}, {@code /} and friends repeat on every other line. Entries are immutable, so
     * threads sharing a classifier at worst miss, never see a torn one.
     */
    private final Answer[] recent;
    private static final int RECENT = 4096;

    private record Answer(String path, String route) {
    }

    /** Tries {@code rules} in order; a list that ends with exactly the built-in rules gets their hand-written matcher. */
    public RouteClassifier(List<RouteRule> rules, String fallback) {
        this(List.copyOf(rules), endsWithDefaults(rules), fallback);
    }

    private RouteClassifier(List<RouteRule> rules, int defaultsFrom, String fallback) {
        if (fallback == null || fallback.isEmpty()) {
            throw new IllegalArgumentException("fallback route must not be empty");
        }
        this.fallback = fallback;
        this.builtIns = defaultsFrom >= 0;
        this.ruleArray = rules.subList(0, builtIns ? defaultsFrom : rules.size()).toArray(RouteRule[]::new);
        // the literals that let a path skip RE2/J: worked out for the regex rules only (the built-ins need none)
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
        this.recent = builtIns && ruleArray.length == 0 ? null : new Answer[RECENT];
    }

    /**
     * {@code ownRules} first, then the built-in marketplace rules ({@link #defaultRules()}). The built-in rules'
     * patterns are not compiled for this: {@link MarketplaceRoutes} answers as they would, so a one-shot run does not
     * pay for compiling eleven RE2/J patterns it never runs.
     */
    public static RouteClassifier withDefaults(List<RouteRule> ownRules, String fallback) {
        List<RouteRule> own = List.copyOf(ownRules);
        return new RouteClassifier(own, own.size(), fallback);
    }

    private static int endsWithDefaults(List<RouteRule> rules) {
        List<RouteRule> defaults = defaultRules();
        int from = rules.size() - defaults.size();
        if (from < 0) {
            return -1;
        }
        for (int i = 0; i < defaults.size(); i++) {
            RouteRule rule = rules.get(from + i);
            RouteRule builtIn = defaults.get(i);
            if (rule != builtIn && (!rule.route().equals(builtIn.route())
                    || !rule.pattern().pattern().equals(builtIn.pattern().pattern())
                    || rule.pattern().flags() != builtIn.pattern().flags())) {
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
        return withDefaults(List.of(), OTHER);
    }

    /** The built-in rules (compiled on first use), in the order they are tried. */
    public static List<RouteRule> defaultRules() {
        return Defaults.RULES;
    }

    /** How many built-in rules there are, without compiling them. */
    public static final int DEFAULT_RULE_COUNT = 11;

    /** The built-in route names, in rule order, without compiling the rules (a test checks both against the rules). */
    static final List<String> DEFAULT_ROUTES = List.of("static", "static", "payment_callback",
            "payment_callback", "checkout", "checkout", "cart", "search", "account", "product_listing",
            "product_listing");

    /** The built-in rules, compiled when first asked for (holder class: not when the classifier class loads). */
    private static final class Defaults {
        private static final String API = "^/(api/)?(v[0-9]+/)?";
        static final List<RouteRule> RULES = List.of(
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
    }

    /** The route class of a path; a query string, if still present, is ignored. */
    public String classify(String path) {
        if (path == null || path.isEmpty() || path.equals("-")) {
            return fallback;
        }
        int query = path.indexOf('?');
        String clean = query >= 0 ? path.substring(0, query) : path;
        if (recent == null) {
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
        int regexRules = ruleArray.length;
        // one pass over the path finds the rules that could match; only those pay for RE2/J
        long candidates = regexRules == 0 ? 0 : scanner.scan(clean) | alwaysRun;
        for (int i = 0; i < regexRules; i++) {
            boolean candidate = i >= LiteralScanner.MAX_PATTERNS || (candidates & (1L << i)) != 0;
            if (candidate && ruleArray[i].pattern().matcher(clean).find()) {
                return ruleArray[i].route();
            }
        }
        if (builtIns) {
            String route = MarketplaceRoutes.match(clean);
            return route != null ? route : fallback;
        }
        return fallback;
    }

    /** The rules in the order they are tried (the built-in ones, if any, are compiled for this). */
    public List<RouteRule> rules() {
        List<RouteRule> all = new ArrayList<>(List.of(ruleArray));
        if (builtIns) {
            all.addAll(defaultRules());
        }
        return List.copyOf(all);
    }

    /** Every value {@link #classify} can return. */
    public Set<String> routes() {
        Set<String> routes = new LinkedHashSet<>();
        for (RouteRule rule : ruleArray) {
            routes.add(rule.route());
        }
        if (builtIns) {
            routes.addAll(DEFAULT_ROUTES);
        }
        routes.add(fallback);
        return routes;
    }
}
