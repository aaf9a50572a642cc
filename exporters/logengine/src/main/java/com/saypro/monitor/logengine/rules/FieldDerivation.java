package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.Fields;
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
            return status.charAt(0) + "xx";
        }
    }
}
