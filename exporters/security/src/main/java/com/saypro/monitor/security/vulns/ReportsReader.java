package com.saypro.monitor.security.vulns;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code vulnerability_reports}:
 *
 * <pre>
 * vulnerability_reports:
 *   - target: web-image                          # the target label
 *     path: /var/lib/scans/web-image-*.json      # a file, a glob in the file name, or a folder: newest wins
 *     format: auto                               # trivy, grype, dependency_check, lynis; auto by content
 *     max_age: 31d                               # the schedule (monthly): older means the scan stopped
 *     max_bytes: 67108864                        # larger reports are an error, not a memory problem
 * </pre>
 */
public final class ReportsReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}");
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(31);

    private ReportsReader() {
    }

    public static List<ReportTarget> read(ConfigNode root, Path configDirectory) throws ConfigException {
        List<ReportTarget> targets = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (ConfigNode item : root.has("vulnerability_reports") ? root.require("vulnerability_reports").items()
                : List.<ConfigNode>of()) {
            ConfigNode node = item.asMap();
            ConfigNode nameNode = node.require("target");
            String name = nameNode.asString();
            if (!NAME.matcher(name).matches()) {
                throw nameNode.invalid("is not a target name (letters, digits, _ . : -; at most 63)");
            }
            if (names.putIfAbsent(name, item.path()) != null) {
                throw nameNode.invalid("is already the target of " + names.get(name));
            }
            ConfigNode pathNode = node.require("path");
            Path path = configDirectory.resolve(pathNode.asString()).normalize();
            Path dir;
            String glob;
            String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
            if (fileName.contains("*") || fileName.contains("?") || fileName.contains("[")) {
                dir = path.getParent();
                glob = fileName;
            } else if (Files.isDirectory(path)) {
                dir = path;
                glob = "*";
            } else {
                dir = path.getParent();
                glob = fileName.replace("{", "\\{");
            }
            if (dir == null || dir.toString().contains("*")) {
                throw pathNode.invalid("may have a wildcard in the file name only");
            }
            Optional<ReportFormat> format = Optional.empty();
            String formatText = node.string("format", "auto").toLowerCase(Locale.ROOT);
            if (!formatText.equals("auto")) {
                try {
                    format = Optional.of(ReportFormat.valueOf(formatText.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw node.require("format").invalid("is not a format (auto, trivy, grype, dependency_check,"
                            + " lynis)");
                }
            }
            Duration maxAge = node.positiveDuration("max_age", DEFAULT_MAX_AGE);
            long maxBytes = node.integer("max_bytes", 64 << 20, 1024, Integer.MAX_VALUE);
            targets.add(new ReportTarget(name, dir, glob, format, maxAge, maxBytes));
        }
        return List.copyOf(targets);
    }
}
