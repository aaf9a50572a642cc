package com.saypro.monitor.logs;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for the background tailing to reach a condition, checking every 20 ms. The bound is only there so a broken
 * build ends: generous, because the machine running the tests may be shared and slow.
 */
final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(180);

    private Await() {
    }

    static void until(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + LIMIT.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
