package com.saypro.monitor.logs;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The core test kit's {@link com.saypro.monitor.core.testkit.Await} with this module's bound: generous, because
 * background tailing on a shared, slow machine may take long; the bound is only there so a broken build ends.
 */
final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(180);

    private Await() {
    }

    static void until(String what, Supplier<Boolean> condition) {
        com.saypro.monitor.core.testkit.Await.until(what, LIMIT, condition);
    }
}
