package com.saypro.monitor.logengine.rules;

import java.util.Set;

/**
 * The built-in marketplace route rules ({@link RouteClassifier#marketplaceDefaults()}) written out by hand on
 * path segments: the same answers as running their RE2/J patterns in order (RoutePrefilterTest compares the two on
 * random paths), at a few nanoseconds per segment instead of RE2/J's ~0.5 µs per pattern tried. It is used only
 * when a classifier's rules end with exactly the default rules; user rules before them still run on RE2/J.
 *
 * <p>The patterns share the prefix {@code ^/(api/)?(v[0-9]+/)?}: a regex search tries every way of reading it, so
 * the body is tried at each of the (at most four) positions where that prefix can end.
 */
final class MarketplaceRoutes {

    private static final Set<String> STATIC_DIRS = Set.of("static", "assets", "media", "images", "img", "css", "js",
            "fonts", "favicon.ico");
    private static final Set<String> STATIC_EXTENSIONS = Set.of("css", "js", "mjs", "map", "png", "jpg", "jpeg",
            "gif", "svg", "webp", "avif", "ico", "woff", "woff2", "ttf", "eot");
    private static final Set<String> CALLBACK_PARENTS = Set.of("payment", "payments", "checkout", "order", "orders");
    private static final Set<String> CALLBACK_WORDS = Set.of("callback", "webhook", "notify", "ipn", "return");
    private static final Set<String> WEBHOOK_DIRS = Set.of("webhook", "webhooks");
    private static final Set<String> WEBHOOK_PROVIDERS = Set.of("payment", "payments", "stripe", "paypal", "payfast",
            "adyen", "mollie");
    private static final Set<String> PAY = Set.of("pay", "payment", "payments");
    private static final Set<String> CART = Set.of("cart", "basket", "bag");
    private static final Set<String> SEARCH = Set.of("search", "find");
    private static final Set<String> ACCOUNT = Set.of("account", "accounts", "profile", "login", "logout", "register",
            "signup", "signin", "sign-in", "sign-up", "password", "password-reset", "forgot-password", "auth", "me",
            "my");
    private static final Set<String> USERS = Set.of("user", "users");
    private static final Set<String> PRODUCTS = Set.of("product", "products", "item", "items", "listing", "listings",
            "category", "categories", "collection", "collections", "shop", "catalog", "brand", "brands", "c", "p");

    private MarketplaceRoutes() {
    }

    /** The route of the first default rule matching {@code path} (no query string), or null if none does. */
    static String match(String path) {
        boolean rooted = !path.isEmpty() && path.charAt(0) == '/';
        if (rooted && STATIC_DIRS.contains(segment(path, 1))) {
            return "static";
        }
        if (hasStaticExtension(path)) {
            return "static";
        }
        if (!rooted) {
            return null;
        }
        int[] starts = bodyStarts(path);
        for (int start : starts) {
            if (start >= 0 && isPaymentCallback(path, start)) {
                return "payment_callback";
            }
        }
        for (int start : starts) {
            if (start >= 0 && isWebhook(path, start)) {
                return "payment_callback";
            }
        }
        String[] firsts = new String[starts.length];
        for (int i = 0; i < starts.length; i++) {
            firsts[i] = starts[i] < 0 ? null : segment(path, starts[i]);
        }
        if (anyIn(firsts, Set.of("checkout")) || anyIn(firsts, PAY)) {
            return "checkout";
        }
        if (anyIn(firsts, CART)) {
            return "cart";
        }
        if (anyIn(firsts, SEARCH)) {
            return "search";
        }
        if (anyIn(firsts, ACCOUNT) || isUsersMe(path, starts, firsts)) {
            return "account";
        }
        if (anyIn(firsts, PRODUCTS) || path.length() == 1) {
            return "product_listing";
        }
        return null;
    }

    /** Where {@code ^/(api/)?(v[0-9]+/)?} can end: after "/", "/api/", "/vN/", "/api/vN/"; -1 where it cannot. */
    private static int[] bodyStarts(String path) {
        int afterApi = path.startsWith("api/", 1) ? 5 : -1;
        return new int[] {1, afterApi, afterVersion(path, 1), afterApi < 0 ? -1 : afterVersion(path, afterApi)};
    }

    /** The index after {@code v[0-9]+/} at {@code from}, or -1. */
    private static int afterVersion(String path, int from) {
        if (from >= path.length() || path.charAt(from) != 'v') {
            return -1;
        }
        int i = from + 1;
        while (i < path.length() && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
            i++;
        }
        return i > from + 1 && i < path.length() && path.charAt(i) == '/' ? i + 1 : -1;
    }

    /** The text from {@code from} up to the next '/' or the end: a keyword followed by {@code (/|$)} equals it. */
    private static String segment(String path, int from) {
        int end = path.indexOf('/', from);
        return path.substring(from, end < 0 ? path.length() : end);
    }

    private static boolean anyIn(String[] segments, Set<String> words) {
        for (String s : segments) {
            if (s != null && words.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** {@code \.(css|js|...)$}: the text after the last dot is a static extension (and follows a dot). */
    private static boolean hasStaticExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && STATIC_EXTENSIONS.contains(path.substring(dot + 1));
    }

    /** {@code (payments?|checkout|orders?)(/[^/]+)*\/(callback|webhook|notify|ipn|return)(/|$)}. */
    private static boolean isPaymentCallback(String path, int start) {
        int end = path.indexOf('/', start);
        if (end < 0 || !CALLBACK_PARENTS.contains(path.substring(start, end))) {
            return false;
        }
        // later segments, all non-empty up to the callback word
        int from = end + 1;
        while (from <= path.length()) {
            int next = path.indexOf('/', from);
            int stop = next < 0 ? path.length() : next;
            if (stop == from) {
                return false; // an empty segment: [^/]+ cannot cross it
            }
            if (CALLBACK_WORDS.contains(path.substring(from, stop))) {
                return true;
            }
            if (next < 0) {
                return false;
            }
            from = next + 1;
        }
        return false;
    }

    /** {@code webhooks?/(payments?|stripe|paypal|payfast|adyen|mollie)(/|$)}. */
    private static boolean isWebhook(String path, int start) {
        int end = path.indexOf('/', start);
        return end >= 0 && WEBHOOK_DIRS.contains(path.substring(start, end))
                && WEBHOOK_PROVIDERS.contains(segment(path, end + 1));
    }

    /** The {@code users?/me} alternative of the account rule. */
    private static boolean isUsersMe(String path, int[] starts, String[] firsts) {
        for (int i = 0; i < starts.length; i++) {
            if (firsts[i] != null && USERS.contains(firsts[i])) {
                int next = starts[i] + firsts[i].length() + 1;
                if (next <= path.length() && "me".equals(segment(path, next)) && path.charAt(next - 1) == '/') {
                    return true;
                }
            }
        }
        return false;
    }
}
