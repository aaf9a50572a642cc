package com.saypro.monitor.logengine.rules;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one metric's label sets bounded. The first {@code maxSeries} distinct label sets are admitted; every
 * later new one is folded into a single overflow set (all values {@value #OVERFLOW}) and counted, so a flood of
 * unexpected values costs one series, not memory without bound, and the loss is visible.
 */
final class SeriesLimiter {

    static final String OVERFLOW = "__overflow__";

    private final int maxSeries;
    private final int maxValueLength;
    private final LabelValues overflow;
    private final ConcurrentHashMap<LabelValues, Boolean> admitted = new ConcurrentHashMap<>();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicLong truncated = new AtomicLong();

    SeriesLimiter(int labelCount, int maxSeries, int maxValueLength) {
        this.maxSeries = maxSeries;
        this.maxValueLength = maxValueLength;
        String[] values = new String[labelCount];
        Arrays.fill(values, OVERFLOW);
        this.overflow = new LabelValues(values);
    }

    /** Cuts values longer than the cap, in place, counting each cut. */
    void truncate(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].length() > maxValueLength) {
                values[i] = values[i].substring(0, maxValueLength);
                truncated.incrementAndGet();
            }
        }
    }

    /** The label set to record under: {@code values} (truncated if too long) or the overflow set. */
    LabelValues admit(String[] values) {
        truncate(values);
        return admit(new LabelValues(values));
    }

    /** As {@link #admit(String[])} for values already {@link #truncate truncated}. */
    LabelValues admit(LabelValues key) {
        if (admitted.containsKey(key)) {
            return key;
        }
        synchronized (this) {
            if (admitted.containsKey(key)) {
                return key;
            }
            if (admitted.size() < maxSeries) {
                admitted.put(key, Boolean.TRUE);
                return key;
            }
        }
        overflowed.incrementAndGet();
        return overflow;
    }

    long overflowed() {
        return overflowed.get();
    }

    long truncated() {
        return truncated.get();
    }

    /** An immutable label value tuple usable as a map key. */
    record LabelValues(String[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof LabelValues that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
