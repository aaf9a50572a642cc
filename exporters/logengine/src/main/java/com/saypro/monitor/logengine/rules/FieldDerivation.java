package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.Fields;
import java.util.Map;
import java.util.Objects;

/** A field computed from parsed fields before rules see them, e.g. {@code route} from {@code path}. */
public sealed interface FieldDerivation {

    String name();

    String derive(Fields fields);

    /** {@code name} = the route class of the path in {@code from}. */
    static FieldDerivation route(String name, String from, RouteClassifier classifier) {
        return new Route(name, from, classifier);
    }

    /** {@code name} = {@code 2xx}..{@code 5xx} from the status in {@code from}; anything else is {@code other}. */
    static FieldDerivation statusClass(String name, String from) {
        return new StatusClass(name, from);
    }

    /**
     * {@code name} = {@code table.get(value of from)}; absent when the value is not in the table. Turns open-ended
     * values into a bounded set, e.g. {@code login_failed -> login}, {@code registration_failed -> registration}.
     */
    static FieldDerivation lookup(String name, String from, Map<String, String> table) {
        return new Lookup(name, from, table, null);
    }

    /** As {@link #lookup(String, String, Map)}, with {@code otherwise} for present values not in the table. */
    static FieldDerivation lookup(String name, String from, Map<String, String> table, String otherwise) {
        return new Lookup(name, from, table, otherwise);
    }

    /**
     * {@code name} = the last entry of an nginx upstream list in {@code from}: after retries nginx logs
     * {@code 10.0.0.1:80, 10.0.0.2:80} (and {@code " : "} across internal redirects), and the last entry is the
     * upstream that produced the response. {@code -} and empty give an absent field.
     */
    static FieldDerivation lastListItem(String name, String from) {
        return new LastListItem(name, from);
    }

    /** @param otherwise for a value not in the table; null leaves the field absent */
    record Lookup(String name, String from, Map<String, String> table, String otherwise) implements FieldDerivation {
        public Lookup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            table = Map.copyOf(table);
        }

        @Override
        public String derive(Fields fields) {
            String value = fields.get(from);
            return value == null ? null : table.getOrDefault(value, otherwise);
        }
    }

    record LastListItem(String name, String from) implements FieldDerivation {
        public LastListItem {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public String derive(Fields fields) {
            String value = fields.get(from);
            if (value == null) {
                return null;
            }
            // addresses contain ':' themselves (host:port), so only the two list separators count
            int retry = value.lastIndexOf(", ");
            int redirect = value.lastIndexOf(" : ");
            int start = Math.max(retry < 0 ? 0 : retry + 2, redirect < 0 ? 0 : redirect + 3);
            String last = value.substring(start).strip();
            return last.isEmpty() || last.equals("-") ? null : last;
        }
    }

    record Route(String name, String from, RouteClassifier classifier) implements FieldDerivation {
        public Route {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(classifier, "classifier");
        }

        @Override
        public String derive(Fields fields) {
            return classifier.classify(fields.get(from));
        }
    }

    record StatusClass(String name, String from) implements FieldDerivation {
        private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

        public StatusClass {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public String derive(Fields fields) {
            String status = fields.get(from);
            if (status == null || status.length() != 3 || status.charAt(0) < '1' || status.charAt(0) > '5'
                    || !Character.isDigit(status.charAt(1)) || !Character.isDigit(status.charAt(2))) {
                return "other";
            }
            return CLASSES[status.charAt(0) - '1']; // shared constants: their hash codes are computed once
        }
    }
}
