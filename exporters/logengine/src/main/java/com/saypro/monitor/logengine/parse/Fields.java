package com.saypro.monitor.logengine.parse;

/** The named values parsed from one line. */
public interface Fields {

    /** The value of {@code name}, or null if the line has no such field. */
    String get(String name);

    /**
     * The number in {@code name} as {@link FieldValues#number(String)} reads it (NaN when absent or not a number).
     * Parsers may read it without making the field's String.
     */
    default double number(String name) {
        return FieldValues.number(get(name));
    }
}
