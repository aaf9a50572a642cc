package com.saypro.monitor.logengine.parse;

/** Reading numbers out of log fields the way nginx writes them. */
public final class FieldValues {

    private FieldValues() {
    }

    /**
     * The number in a field, or NaN if there is none. nginx writes {@code -} for "no value" and, after retries
     * to several upstreams, lists such as {@code 0.010, 0.020 : 0.003}; a list is summed (total time spent
     * upstream) and its {@code -} entries are ignored.
     */
    public static double number(String value) {
        if (value == null || value.isEmpty()) {
            return Double.NaN;
        }
        if (value.indexOf(',') < 0 && value.indexOf(':') < 0) {
            return single(value.trim());
        }
        double sum = 0;
        boolean any = false;
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == ',' || value.charAt(i) == ':') {
                double v = single(value.substring(start, i).trim());
                if (!Double.isNaN(v)) {
                    sum += v;
                    any = true;
                }
                start = i + 1;
            }
        }
        return any ? sum : Double.NaN;
    }

    /** How many entries an upstream list has ({@code 1} for a plain value, 0 for {@code -} or empty). */
    public static int listSize(String value) {
        if (value == null || value.isEmpty() || value.equals("-")) {
            return 0;
        }
        int entries = 1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == ':') {
                entries++;
            }
        }
        return entries;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    private static double single(String text) {
        if (text.isEmpty() || text.equals("-")) {
            return Double.NaN;
        }
        double simple = simpleDecimal(text);
        if (!Double.isNaN(simple)) {
            return simple;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * {@link #number(String)} of {@code text[from, to)} when that is a plain decimal such as {@code 0.123} (what nginx
     * writes for times), read in place; NaN for anything else, which the caller then reads through
     * {@link #number(String)}. A plain decimal has no spaces, commas or colons, so both read it the same way.
     */
    static double plainDecimal(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 16) {
            return Double.NaN;
        }
        long digits = 0;
        int digitCount = 0;
        int fractionDigits = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                digitCount++;
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else if (c == '.' && fractionDigits < 0 && i > from && i < to - 1) {
                fractionDigits = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digitCount == 0 || digitCount > 15) {
            return Double.NaN;
        }
        return fractionDigits <= 0 ? (double) digits : digits / POWERS_OF_TEN[fractionDigits];
    }

    /**
     * {@code 0.123}, {@code 15}, {@code 3.0}: what nginx writes for times and sizes, read without
     * {@link Double#parseDouble}'s generality. With at most 15 digits the digits as a long and the power of ten
     * are both exact doubles, so one division gives the correctly rounded result, the same as parseDouble.
     * NaN for anything else (the caller then takes the general path).
     */
    private static double simpleDecimal(String text) {
        return plainDecimal(text, 0, text.length());
    }
}
