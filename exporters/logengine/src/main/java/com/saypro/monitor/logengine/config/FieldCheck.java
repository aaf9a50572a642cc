package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a source's lines will have (parsed plus derived), so that a rule naming a field that can never be
 * there fails start-up instead of silently counting nothing. JSON sources have no fixed field list: anything goes.
 */
final class FieldCheck {

    private final Optional<Set<String>> known;

    FieldCheck(SourceParser parser) {
        this.known = parser.fields().map(LinkedHashSet::new);
    }

    void add(String derived) {
        known.ifPresent(fields -> fields.add(derived));
    }

    /** Fails on {@code node} (a field name) unless the source has that field. */
    void check(ConfigNode node) throws ConfigException {
        String field = node.asString();
        if (field.isEmpty()) {
            throw node.error("must not be empty");
        }
        if (known.isPresent() && !known.get().contains(field)) {
            throw node.invalid("is not a field of this source (fields: " + String.join(", ", known.get()) + ")");
        }
    }
}
