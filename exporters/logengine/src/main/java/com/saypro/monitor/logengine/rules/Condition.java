package com.saypro.monitor.logengine.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.saypro.monitor.logengine.parse.Fields;
import java.util.Objects;

/** A test a line must pass for a rule to count it. */
public sealed interface Condition {

    boolean test(Fields fields);

    static Condition equals(String field, String value) {
        return new FieldEquals(field, value);
    }

    /** The line has the field, with a value other than empty or nginx's {@code -}. */
    static Condition present(String field) {
        return new FieldPresent(field);
    }

    /** RE2/J, searched in the field value (anchor with ^...$ for a whole-value match). */
    static Condition matches(String field, String regex) {
        try {
            return new FieldMatches(field, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex for field '" + field + "': " + e.getMessage(), e);
        }
    }

    record FieldEquals(String field, String value) implements Condition {
        public FieldEquals {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Fields fields) {
            return value.equals(fields.get(field));
        }
    }

    record FieldPresent(String field) implements Condition {
        public FieldPresent {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public boolean test(Fields fields) {
            String value = fields.get(field);
            return value != null && !value.isEmpty() && !value.equals("-");
        }
    }

    record FieldMatches(String field, Pattern pattern) implements Condition {
        public FieldMatches {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public boolean test(Fields fields) {
            String value = fields.get(field);
            return value != null && pattern.matcher(value).find();
        }
    }
}
