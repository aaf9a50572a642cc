package com.saypro.monitor.logengine.tail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * A configured file: a plain path (watched even while missing) or a glob (its matches, re-read every poll, so
 * files created later are picked up). Glob characters may appear in any segment.
 */
public final class PathPattern {

    private final String pattern;
    private final Path literal;
    private final Path base;
    private final int depth;
    private final PathMatcher matcher;

    public PathPattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("path pattern must not be empty");
        }
        this.pattern = pattern;
        Path absolute = Path.of(pattern).toAbsolutePath().normalize();
        if (!isGlob(pattern)) {
            literal = absolute;
            base = null;
            depth = 0;
            matcher = null;
            return;
        }
        literal = null;
        Path prefix = absolute.getRoot();
        int globAt = 0;
        for (Path segment : absolute) {
            if (isGlob(segment.toString())) {
                break;
            }
            prefix = prefix.resolve(segment);
            globAt++;
        }
        base = prefix;
        depth = absolute.getNameCount() - globAt;
        matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
    }

    private static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The regular files this pattern names now; a plain path is returned even if it does not exist. */
    public List<Path> expand() {
        if (literal != null) {
            return List.of(literal);
        }
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(p -> p.getNameCount() == base.getNameCount() + depth)
                    .filter(matcher::matches)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | UncheckedIOException e) {
            // an unreadable subdirectory must not hide the matches elsewhere; retried next poll
            return List.of();
        }
    }

    /** Whether a (checkpointed) path still belongs to this pattern, even if the file is gone now. */
    public boolean matches(Path path) {
        return literal != null ? literal.equals(path) : matcher.matches(path);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
