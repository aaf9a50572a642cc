package com.saypro.monitor.logengine.rules;

public enum MetricType {
    /** +1 per matching line, or + the value field (e.g. bytes sent) if one is set. */
    COUNTER,
    /** The value field of the last matching line. */
    GAUGE,
    /** Observes the value field (e.g. request_time in seconds). */
    HISTOGRAM
}
