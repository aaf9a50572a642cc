package com.saypro.monitor.logengine.tail;

/** The file a line came from, as seen by a {@link LineSink}. */
public interface LineSource {

    /** The watched path (as configured or as matched by a glob). */
    String path();

    /** Counts a line the consumer could not use, e.g. {@code parse_error}, in this file's statistics. */
    void skipped(String reason);
}
