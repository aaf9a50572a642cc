package com.saypro.monitor.logengine.parse;

/** The named values parsed from one line. */
public interface Fields {

    /** The value of {@code name}, or null if the line has no such field. */
    String get(String name);
}
