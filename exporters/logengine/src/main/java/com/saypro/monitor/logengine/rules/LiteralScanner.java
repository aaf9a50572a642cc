package com.saypro.monitor.logengine.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Aho-Corasick over the required literals of up to 64 patterns: one pass over a string tells which patterns
 * could match it (bit {@code i} set = one of pattern {@code i}'s literals occurs). Characters that occur in no
 * literal share one input class, so the transition table stays small (states x distinct characters).
 */
final class LiteralScanner {

    static final int MAX_PATTERNS = 64;

    private final int[] classOf; // char -> input class; 0 = a character no literal contains
    private final int classes;
    private final int[] next; // state * classes + class -> state
    private final long[] found; // state -> patterns with a literal ending here (or at a suffix of it)

    /** {@code literals.get(i)}: the literals of pattern {@code i}; an empty list = the pattern is never flagged. */
    LiteralScanner(List<List<String>> literals) {
        if (literals.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("at most " + MAX_PATTERNS + " patterns");
        }
        char max = 0;
        for (List<String> set : literals) {
            for (String literal : set) {
                for (char c : literal.toCharArray()) {
                    max = (char) Math.max(max, c);
                }
            }
        }
        classOf = new int[max + 1];
        int distinct = 1;
        for (List<String> set : literals) {
            for (String literal : set) {
                for (char c : literal.toCharArray()) {
                    if (classOf[c] == 0) {
                        classOf[c] = distinct++;
                    }
                }
            }
        }
        classes = distinct;

        List<int[]> gotos = new ArrayList<>();
        List<Long> outputs = new ArrayList<>();
        gotos.add(newRow());
        outputs.add(0L);
        for (int pattern = 0; pattern < literals.size(); pattern++) {
            for (String literal : literals.get(pattern)) {
                int state = 0;
                for (char c : literal.toCharArray()) {
                    int cls = classOf[c];
                    if (gotos.get(state)[cls] < 0) {
                        gotos.get(state)[cls] = gotos.size();
                        gotos.add(newRow());
                        outputs.add(0L);
                    }
                    state = gotos.get(state)[cls];
                }
                outputs.set(state, outputs.get(state) | (1L << pattern));
            }
        }
        int states = gotos.size();
        next = new int[states * classes];
        found = new long[states];
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int cls = 0; cls < classes; cls++) {
            int child = gotos.get(0)[cls];
            next[cls] = Math.max(child, 0);
            if (child > 0) {
                fail[child] = 0;
                queue.add(child);
            }
        }
        found[0] = outputs.get(0);
        while (!queue.isEmpty()) {
            int state = queue.remove();
            found[state] = outputs.get(state) | found[fail[state]];
            for (int cls = 0; cls < classes; cls++) {
                int child = gotos.get(state)[cls];
                if (child > 0) {
                    fail[child] = next[fail[state] * classes + cls];
                    next[state * classes + cls] = child;
                    queue.add(child);
                } else {
                    next[state * classes + cls] = next[fail[state] * classes + cls];
                }
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    /** Bit {@code i} set when {@code text} contains one of pattern {@code i}'s literals. */
    long scan(String text) {
        int state = 0;
        long result = 0;
        int[] table = classOf;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int cls = c < table.length ? table[c] : 0;
            state = next[state * classes + cls];
            result |= found[state];
        }
        return result;
    }
}
