package com.saypro.monitor.security.logs;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.time.Duration;

/**
 * How brute force is judged, the same for every log:
 *
 * <pre>
 * bruteforce:
 *   window: 10m           # failures counted over this sliding window
 *   threshold: 10         # a source with at least this many failures in the window is counted
 *   top_sources: 5        # addresses shown by name (at most 20); the rest are summed as source="other"
 *   max_tracked_sources: 10000   # memory bound; beyond it new addresses are counted as "other"
 *   max_tracked_accounts: 10000  # accounts remembered for new-source logins (least recently seen dropped)
 * </pre>
 */
public record BruteForceSettings(Duration window, int threshold, int topSources, int maxTrackedSources,
        int maxTrackedAccounts) {

    public static final BruteForceSettings DEFAULTS = new BruteForceSettings(Duration.ofMinutes(10), 10, 5, 10_000,
            10_000);

    public static BruteForceSettings read(ConfigNode root) throws ConfigException {
        if (!root.has("bruteforce")) {
            return DEFAULTS;
        }
        ConfigNode node = root.require("bruteforce").asMap();
        Duration window = node.positiveDuration("window", DEFAULTS.window());
        if (window.compareTo(Duration.ofSeconds(10)) < 0) {
            throw node.require("window").invalid("is too short (at least 10s)");
        }
        return new BruteForceSettings(window,
                node.integer("threshold", DEFAULTS.threshold(), 1, 1_000_000),
                node.integer("top_sources", DEFAULTS.topSources(), 0, 20),
                node.integer("max_tracked_sources", DEFAULTS.maxTrackedSources(), 10, 1_000_000),
                node.integer("max_tracked_accounts", DEFAULTS.maxTrackedAccounts(), 10, 1_000_000));
    }
}
