package com.saypro.monitor.security.integrity;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code file_integrity} section:
 *
 * <pre>
 * file_integrity:
 *   files:                                     # files or globs (in the last segment), re-expanded every check
 *     - /etc/nginx/nginx.conf
 *     - /home/deploy/.ssh/authorized_keys
 *     - /etc/saypro/*.yml
 *   state_file: saypro-state/security/file-integrity.json   # the baseline, written atomically
 *   accept_token_file: /etc/saypro/integrity-token          # bearer token for POST /file-integrity/accept
 * </pre>
 * Without a token the accept endpoint refuses every request (the baseline can then be reset only by deleting the
 * state file).
 */
public record IntegrityConfig(List<String> patterns, Path stateFile, Optional<Secret> acceptToken) {

    static final int MAX_FILES = 1000;
    public static final String DEFAULT_STATE = "saypro-state/security/file-integrity.json";

    public IntegrityConfig {
        patterns = List.copyOf(patterns);
    }

    public static IntegrityConfig read(ConfigNode root, Path configDirectory, SecretFiles secrets)
            throws ConfigException {
        if (!root.has("file_integrity")) {
            return new IntegrityConfig(List.of(), configDirectory.resolve(DEFAULT_STATE).normalize(),
                    Optional.empty());
        }
        ConfigNode node = root.require("file_integrity").asMap();
        List<String> patterns = new ArrayList<>();
        for (ConfigNode item : node.has("files") ? node.require("files").items() : List.<ConfigNode>of()) {
            String text = item.asString();
            if (text.isBlank()) {
                throw item.error("must not be empty");
            }
            Path path = configDirectory.resolve(text).normalize();
            Path parent = path.getParent();
            if (parent == null || parent.toString().contains("*") || parent.toString().contains("?")) {
                throw item.invalid("may have a wildcard in the file name only");
            }
            patterns.add(path.toString());
        }
        if (patterns.size() > MAX_FILES) {
            throw node.require("files").error("has " + patterns.size() + " entries (at most " + MAX_FILES + ")");
        }
        Path state = configDirectory.resolve(node.string("state_file", DEFAULT_STATE)).normalize();
        Optional<Secret> token = node.secret("accept_token", secrets);
        if (token.isPresent() && token.get().reveal().strip().length() < 16) {
            throw node.error("accept_token is shorter than 16 characters");
        }
        return new IntegrityConfig(patterns, state, token.map(t -> Secret.of(t.reveal().strip())));
    }
}
