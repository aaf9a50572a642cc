package com.saypro.monitor.security.vulns;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One scan target's reports.
 *
 * @param target  the label
 * @param dir     the folder searched
 * @param glob    the file name pattern inside it (a plain name for one file; {@code *} for a whole folder)
 * @param format  empty: detected from the content (JSON) or the {@code .dat} name (Lynis)
 * @param maxAge  the schedule: older than this, the scan stopped running
 */
record ReportTarget(String target, Path dir, String glob, Optional<ReportFormat> format, Duration maxAge,
        long maxBytes) {
}
