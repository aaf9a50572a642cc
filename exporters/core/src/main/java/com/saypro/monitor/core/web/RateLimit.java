package com.saypro.monitor.core.web;

import java.time.Duration;

/**
 * {@code rate_limit}: at most {@code burst} requests at once, refilled by one every {@code
 * interval}, for the whole server (as exporter-toolkit's {@code rate.Limiter}).
 */
record RateLimit(Duration interval, int burst) {}
