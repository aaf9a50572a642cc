package com.saypro.monitor.logengine.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;

/** Paths matching {@code pattern} (RE2/J, searched in the path without query string) belong to {@code route}. */
public record RouteRule(String route, Pattern pattern) {

    public RouteRule {
        Objects.requireNonNull(pattern, "pattern");
        if (route == null || route.isEmpty()) {
            throw new IllegalArgumentException("route name must not be empty");
        }
    }

    public static RouteRule of(String route, String regex) {
        try {
            return new RouteRule(route, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("route '" + route + "': invalid regex: " + e.getMessage(), e);
        }
    }
}
