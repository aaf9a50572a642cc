package com.saypro.monitor.logengine.rules;

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

    private static final Words STATIC_DIRS = new Words("static", "assets", "media", "images", "img", "css", "js",
            "fonts", "favicon.ico");
    private static final Words STATIC_EXTENSIONS = new Words("css", "js", "mjs", "map", "png", "jpg", "jpeg",
            "gif", "svg", "webp", "avif", "ico", "woff", "woff2", "ttf", "eot");
    private static final Words CALLBACK_PARENTS = new Words("payment", "payments", "checkout", "order", "orders");
    private static final Words CALLBACK_WORDS = new Words("callback", "webhook", "notify", "ipn", "return");
    private static final Words WEBHOOK_DIRS = new Words("webhook", "webhooks");
    private static final Words WEBHOOK_PROVIDERS = new Words("payment", "payments", "stripe", "paypal", "payfast",
            "adyen", "mollie");
    private static final Words CHECKOUT = new Words("checkout", "pay", "payment", "payments");
    private static final Words CART = new Words("cart", "basket", "bag");
    private static final Words SEARCH = new Words("search", "find");
    private static final Words ACCOUNT = new Words("account", "accounts", "profile", "login", "logout", "register",
            "signup", "signin", "sign-in", "sign-up", "password", "password-reset", "forgot-password", "auth", "me",
            "my");
    private static final Words USERS = new Words("user", "users");
    private static final Words ME = new Words("me");
    private static final Words PRODUCTS = new Words("product", "products", "item", "items", "listing", "listings",
            "category", "categories", "collection", "collections", "shop", "catalog", "brand", "brands", "c", "p");

    private MarketplaceRoutes() {
    }

    /**
     * A small set of words compared with a part of the path in place: a line classified costs no substring (this
     * runs for every line whose path is not among the recent answers, and paths carry IDs).
     */
    private static final class Words {
        private final String[] words;
        /** Bit {@code n} set when some word has {@code n} characters (all words are shorter than 64). */
        private final long lengths;
        /** Bit {@code c - 32} set when some word starts with the printable ASCII character {@code c}. */
        private final long firstChars;
        private final long firstCharsHigh;

        Words(String... words) {
            this.words = words;
            long l = 0;
            long low = 0;
            long high = 0;
            for (String word : words) {
                if (word.isEmpty() || word.length() >= 64 || word.charAt(0) < 32 || word.charAt(0) >= 160) {
                    throw new IllegalArgumentException("not a route word: " + word);
                }
                l |= 1L << word.length();
                int c = word.charAt(0) - 32;
                if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 64);
                }
            }
            this.lengths = l;
            this.firstChars = low;
            this.firstCharsHigh = high;
        }

        /**
         * Whether {@code path[from, to)} is one of the words. Most segments are IDs, which no word has the length
         * and first character of: those are turned away by two bit tests before any word is compared.
         */
        boolean contains(String path, int from, int to) {
            int length = to - from;
            if (length <= 0 || length >= 64 || (lengths & (1L << length)) == 0) {
                return false;
            }
            int c = path.charAt(from) - 32;
            if (c < 0 || c >= 128 || ((c < 64 ? firstChars >>> c : firstCharsHigh >>> (c - 64)) & 1) == 0) {
                return false;
            }
            for (String word : words) {
                if (word.length() == length && path.regionMatches(from, word, 0, length)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The route of the first default rule matching {@code path} (no query string), or null if none does. */
    static String match(String path) {
        boolean rooted = !path.isEmpty() && path.charAt(0) == '/';
        if (rooted && STATIC_DIRS.contains(path, 1, segmentEnd(path, 1))) {
            return "static";
        }
        if (hasStaticExtension(path)) {
            return "static";
        }
        if (!rooted) {
            return null;
        }
        int afterApi = path.startsWith("api/", 1) ? 5 : -1;
        // where ^/(api/)?(v[0-9]+/)? can end: after "/", "/api/", "/vN/", "/api/vN/"; -1 where it cannot
        int s0 = 1;
        int s1 = afterApi;
        int s2 = afterVersion(path, 1);
        int s3 = afterApi < 0 ? -1 : afterVersion(path, afterApi);
        if (isPaymentCallback(path, s0) || isPaymentCallback(path, s1) || isPaymentCallback(path, s2)
                || isPaymentCallback(path, s3)) {
            return "payment_callback";
        }
        if (isWebhook(path, s0) || isWebhook(path, s1) || isWebhook(path, s2) || isWebhook(path, s3)) {
            return "payment_callback";
        }
        // each start's first segment ends at the next '/' or the end; -1 where there is no start
        int e0 = segmentEnd(path, s0);
        int e1 = s1 < 0 ? -1 : segmentEnd(path, s1);
        int e2 = s2 < 0 ? -1 : segmentEnd(path, s2);
        int e3 = s3 < 0 ? -1 : segmentEnd(path, s3);
        if (anyIn(CHECKOUT, path, s0, e0, s1, e1, s2, e2, s3, e3)) {
            return "checkout";
        }
        if (anyIn(CART, path, s0, e0, s1, e1, s2, e2, s3, e3)) {
            return "cart";
        }
        if (anyIn(SEARCH, path, s0, e0, s1, e1, s2, e2, s3, e3)) {
            return "search";
        }
        if (anyIn(ACCOUNT, path, s0, e0, s1, e1, s2, e2, s3, e3) || isUsersMe(path, s0, e0)
                || isUsersMe(path, s1, e1) || isUsersMe(path, s2, e2) || isUsersMe(path, s3, e3)) {
            return "account";
        }
        if (anyIn(PRODUCTS, path, s0, e0, s1, e1, s2, e2, s3, e3) || path.length() == 1) {
            return "product_listing";
        }
        return null;
    }

    private static boolean anyIn(Words words, String path, int s0, int e0, int s1, int e1, int s2, int e2, int s3,
            int e3) {
        return words.contains(path, s0, e0) || (s1 >= 0 && words.contains(path, s1, e1))
                || (s2 >= 0 && words.contains(path, s2, e2)) || (s3 >= 0 && words.contains(path, s3, e3));
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

    /** Where the segment at {@code from} ends: the next '/' or the end; a keyword followed by {@code (/|$)}. */
    private static int segmentEnd(String path, int from) {
        int end = path.indexOf('/', from);
        return end < 0 ? path.length() : end;
    }

    /** {@code \.(css|js|...)$}: the text after the last dot is a static extension (and follows a dot). */
    private static boolean hasStaticExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && STATIC_EXTENSIONS.contains(path, dot + 1, path.length());
    }

    /** {@code (payments?|checkout|orders?)(/[^/]+)*\/(callback|webhook|notify|ipn|return)(/|$)}; false for -1. */
    private static boolean isPaymentCallback(String path, int start) {
        if (start < 0) {
            return false;
        }
        int end = path.indexOf('/', start);
        if (end < 0 || !CALLBACK_PARENTS.contains(path, start, end)) {
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
            if (CALLBACK_WORDS.contains(path, from, stop)) {
                return true;
            }
            if (next < 0) {
                return false;
            }
            from = next + 1;
        }
        return false;
    }

    /** {@code webhooks?/(payments?|stripe|paypal|payfast|adyen|mollie)(/|$)}; false for -1. */
    private static boolean isWebhook(String path, int start) {
        if (start < 0) {
            return false;
        }
        int end = path.indexOf('/', start);
        return end >= 0 && WEBHOOK_DIRS.contains(path, start, end)
                && WEBHOOK_PROVIDERS.contains(path, end + 1, segmentEnd(path, end + 1));
    }

    /** The {@code users?/me} alternative of the account rule, at a start whose first segment ends at {@code end}. */
    private static boolean isUsersMe(String path, int start, int end) {
        if (start < 0 || !USERS.contains(path, start, end)) {
            return false;
        }
        int next = end + 1;
        return next <= path.length() && path.charAt(next - 1) == '/' && ME.contains(path, next, segmentEnd(path, next));
    }
}
