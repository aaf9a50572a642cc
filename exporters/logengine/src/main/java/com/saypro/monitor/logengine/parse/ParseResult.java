package com.saypro.monitor.logengine.parse;

import java.util.Objects;

/** A parsed line, or why it could not be parsed. Parsers return failures; they never throw for a bad line. */
public sealed interface ParseResult {

    record Parsed(Fields fields) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(fields, "fields");
        }
    }

    /**
     * @param reason short, bounded label fit for a metric ({@code format_mismatch}, {@code json_syntax}, ...)
     * @param detail human-readable explanation for logs, never a metric label
     */
    record Failed(String reason, String detail) implements ParseResult {
    }
}
