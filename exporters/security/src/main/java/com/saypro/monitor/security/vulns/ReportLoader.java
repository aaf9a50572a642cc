package com.saypro.monitor.security.vulns;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/** Finds a target's newest report and reads it. */
final class ReportLoader {

    /** A report read, or why not. */
    record Loaded(Path file, Instant modified, long size, Optional<Findings> findings, double hardeningIndex,
            Optional<String> error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportLoader() {
    }

    /** The newest regular file matching the target, or empty when there is none. */
    static Optional<Path> newest(ReportTarget target) throws ReportException {
        Path best = null;
        Instant bestTime = Instant.MIN;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.dir(), target.glob())) {
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Instant modified = attributes.lastModifiedTime().toInstant();
                if (attributes.isRegularFile() && modified.isAfter(bestTime)) {
                    best = file;
                    bestTime = modified;
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new ReportException("unreadable", "permission denied");
        } catch (IOException e) {
            throw new ReportException("unreadable", e.getClass().getSimpleName());
        }
        return Optional.ofNullable(best);
    }

    static Loaded load(ReportTarget target, Path file) {
        Instant modified = Instant.EPOCH;
        long size = -1;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            modified = attributes.lastModifiedTime().toInstant();
            size = attributes.size();
            if (size > target.maxBytes()) {
                throw new ReportException("too_large", size + " bytes, more than max_bytes");
            }
            ReportFormat format = target.format().orElse(file.toString().endsWith(".dat") ? ReportFormat.LYNIS
                    : null);
            if (format == ReportFormat.LYNIS) {
                LynisReport.Result result = LynisReport.read(Files.readAllLines(file, StandardCharsets.UTF_8));
                return new Loaded(file, modified, size, Optional.of(result.findings()), result.hardeningIndex(),
                        Optional.empty());
            }
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (JsonEOFException e) {
                throw new ReportException("truncated", "the JSON ends early: half-written?");
            } catch (JsonParseException e) {
                throw new ReportException("not_json", "not JSON");
            }
            if (root == null || root.isMissingNode()) {
                throw new ReportException("truncated", "empty file");
            }
            if (!root.isObject()) {
                throw new ReportException("invalid_report", "not a JSON object");
            }
            Findings findings = (format != null ? format : ReportFormat.detect(root)).read(root);
            return new Loaded(file, modified, size, Optional.of(findings), Double.NaN, Optional.empty());
        } catch (ReportException e) {
            return new Loaded(file, modified, size, Optional.empty(), Double.NaN, Optional.of(e.reason()));
        } catch (AccessDeniedException e) {
            return new Loaded(file, modified, size, Optional.empty(), Double.NaN, Optional.of("unreadable"));
        } catch (NoSuchFileException e) {
            return new Loaded(file, modified, size, Optional.empty(), Double.NaN, Optional.of("not_found"));
        } catch (IOException e) {
            return new Loaded(file, modified, size, Optional.empty(), Double.NaN, Optional.of("unreadable"));
        }
    }
}
