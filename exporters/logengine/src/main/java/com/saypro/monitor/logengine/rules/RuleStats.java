package com.saypro.monitor.logengine.rules;

/**
 * How close one metric is to its limits.
 *
 * @param series              label sets currently held (at most maxSeries + 1, the overflow set)
 * @param overflowed          observations folded into the overflow label set
 * @param labelValuesTruncated label values cut to the maximum length
 */
public record RuleStats(String metric, int series, long overflowed, long labelValuesTruncated) {
}
