package com.saypro.monitor.logengine.tail;

/**
 * Receives complete lines, newline and trailing CR removed, invalid UTF-8 replaced by U+FFFD.
 * Called on the polling thread; an exception thrown here is counted as a skipped line ({@code sink_error})
 * and does not stop tailing.
 */
@FunctionalInterface
public interface LineSink {
    void accept(LineSource source, String line);
}
