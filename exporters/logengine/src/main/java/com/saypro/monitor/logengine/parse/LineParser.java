package com.saypro.monitor.logengine.parse;

/** Turns one log line into named fields. Implementations are immutable and safe to share between threads. */
@FunctionalInterface
public interface LineParser {

    ParseResult parse(String line);
}
