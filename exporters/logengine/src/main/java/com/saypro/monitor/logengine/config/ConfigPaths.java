package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.logengine.tail.PathPattern;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.PatternSyntaxException;

/** Resolves paths and globs from the config, turning what the file system refuses into a config error. */
final class ConfigPaths {

    private ConfigPaths() {
    }

    /** {@code value} (of {@code node}) against {@code base}; a NUL byte fails here, with its line. */
    static Path resolve(ConfigNode node, Path base, String value) throws ConfigException {
        try {
            return base.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw node.invalid("is not a valid path: " + e.getReason());
        }
    }

    /** A file or glob, checked the way the tailer will compile it, so a bad glob ("[a") fails start-up here. */
    static String pattern(ConfigNode node, Path base, String value) throws ConfigException {
        String resolved = resolve(node, base, value).toString();
        try {
            new PathPattern(resolved);
        } catch (PatternSyntaxException e) {
            throw node.invalid("is not a valid glob: " + e.getDescription());
        } catch (InvalidPathException e) {
            throw node.invalid("is not a valid path: " + e.getReason());
        }
        return resolved;
    }
}
