package com.saypro.monitor.logengine.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;

/** Configured regexes: RE2/J only (linear time), with RE2/J's own explanation in the error. */
final class Regexes {

    /**
     * RE2/J matches in linear time, but compiling is not linear in the pattern's length: a 10,000-character
     * pattern takes about half a second to compile here, a 100,000-character one over ten seconds (and the route
     * prefilter's literal analysis as long again). Real patterns are far shorter than this cap.
     */
    static final int MAX_LENGTH = 4096;

    private Regexes() {
    }

    static Pattern compile(ConfigNode node) throws ConfigException {
        String text = node.asString();
        if (text.isEmpty()) {
            throw node.error("must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw node.error("is " + text.length() + " characters long; a regex may have at most " + MAX_LENGTH);
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw node.invalid("is not a valid RE2 regex: " + e.getMessage());
        }
    }
}
