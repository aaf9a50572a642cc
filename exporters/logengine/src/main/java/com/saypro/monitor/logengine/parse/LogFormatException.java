package com.saypro.monitor.logengine.parse;

/** A log format that cannot be compiled; the message names the offending part and its column. */
public final class LogFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LogFormatException(String message) {
        super(message);
    }
}
