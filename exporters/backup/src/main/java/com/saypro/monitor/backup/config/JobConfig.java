package com.saypro.monitor.backup.config;

import java.time.Duration;

/**
 * One backup job.
 *
 * @param maxAge the expected schedule: a job whose last success is older is overdue
 * @param minSizeRatio a newest backup smaller than this share of the previous one is flagged
 */
public record JobConfig(
    String name, Criticality criticality, Duration maxAge, double minSizeRatio, SourceConfig source) {}
