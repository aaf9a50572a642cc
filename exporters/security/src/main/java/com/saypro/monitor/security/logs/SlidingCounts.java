package com.saypro.monitor.security.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Failures per source over a sliding window, in fixed memory per source: the window is cut into
 * {@link #SLOTS} slots, so a source costs the same whether it failed twice or a million times, and the window
 * edge is exact to one slot. At most {@code maxSources} sources are tracked; failures of further sources are
 * counted under {@link #OTHER}. Not thread-safe: the analyser synchronises.
 */
final class SlidingCounts {

    static final String OTHER = "other";
    static final int SLOTS = 30;

    private final long slotMillis;
    private final int maxSources;
    private final Map<String, long[]> bySource = new HashMap<>(); // [0..SLOTS) slot numbers, [SLOTS..2*SLOTS) counts

    SlidingCounts(long windowMillis, int maxSources) {
        this.slotMillis = Math.max(1, windowMillis / SLOTS);
        this.maxSources = maxSources;
    }

    /**
     * One failure of {@code source} at {@code atMillis} (the line's time), judged against the window ending at
     * {@code nowMillis}. A failure before the window is not counted (false); one after now counts as now.
     */
    boolean add(String source, long atMillis, long nowMillis) {
        long current = nowMillis / slotMillis;
        long slot = Math.min(atMillis, nowMillis) / slotMillis;
        if (slot <= current - SLOTS) {
            return false;
        }
        long[] slots = bySource.get(source);
        if (slots == null) {
            if (bySource.size() >= maxSources) {
                expire(nowMillis);
            }
            if (bySource.size() >= maxSources) {
                source = OTHER;
            }
            slots = bySource.computeIfAbsent(source, s -> new long[2 * SLOTS]);
        }
        int index = (int) (slot % SLOTS);
        if (slots[index] != slot) {
            slots[index] = slot;
            slots[SLOTS + index] = 0;
        }
        slots[SLOTS + index]++;
        return true;
    }

    /** Failures per source within the window ending now; sources with none are forgotten. */
    Map<String, Long> counts(long nowMillis) {
        expire(nowMillis);
        long current = nowMillis / slotMillis;
        Map<String, Long> counts = new HashMap<>();
        bySource.forEach((source, slots) -> counts.put(source, sum(slots, current)));
        return counts;
    }

    int tracked() {
        return bySource.size();
    }

    private void expire(long nowMillis) {
        long current = nowMillis / slotMillis;
        for (Iterator<long[]> it = bySource.values().iterator(); it.hasNext(); ) {
            if (sum(it.next(), current) == 0) {
                it.remove();
            }
        }
    }

    private static long sum(long[] slots, long current) {
        long total = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] > current - SLOTS && slots[i] <= current) {
                total += slots[SLOTS + i];
            }
        }
        return total;
    }

    /** The {@code n} largest counts by source (ties by name), the rest summed as "other". */
    static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.removeIf(e -> e.getKey().equals(OTHER));
        sorted.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<Map.Entry<String, Long>> top = new ArrayList<>(sorted.subList(0, Math.min(n, sorted.size())));
        long rest = counts.getOrDefault(OTHER, 0L);
        for (Map.Entry<String, Long> e : sorted.subList(top.size(), sorted.size())) {
            rest += e.getValue();
        }
        top.add(Map.entry(OTHER, rest));
        return top;
    }
}
