package com.saypro.monitor.logengine.config;

/** A source's caps, applied to every rule (its preset's included) that does not set its own. */
record Limits(int maxSeries, int maxLabelValueLength) {
    static final int MAX_SERIES = 100_000;
    static final int MAX_LABEL_VALUE_LENGTH = 1024;
}
