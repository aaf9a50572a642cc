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
        for (String part : value.split("[,:]")) {
            double v = single(part.trim());
            if (!Double.isNaN(v)) {
                sum += v;
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    /** How many entries an upstream list has ({@code 1} for a plain value, 0 for {@code -} or empty). */
    public static int listSize(String value) {
        if (value == null || value.isEmpty() || value.equals("-")) {
            return 0;
        }
        return value.split("[,:]").length;
    }

    private static double single(String text) {
        if (text.isEmpty() || text.equals("-")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
