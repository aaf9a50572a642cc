package com.saypro.monitor.logengine.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;

/** Configured regexes: RE2/J only (linear time), length-capped by {@link ConfigNode#asRegex()}, with RE2/J's own explanation in the error. */
final class Regexes {

    private Regexes() {
    }

    static Pattern compile(ConfigNode node) throws ConfigException {
        String text = node.asRegex();
        if (text.isEmpty()) {
            throw node.error("must not be empty");
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw node.invalid("is not a valid RE2 regex: " + e.getMessage());
        }
    }
}
