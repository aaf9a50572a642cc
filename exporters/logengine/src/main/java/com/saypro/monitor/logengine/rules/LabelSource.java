package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.Fields;
import java.util.Objects;

/** Where a label's value comes from: a parsed (or derived) field, or a constant. */
public sealed interface LabelSource {

    /** The value for this line; a missing field gives the empty string (Prometheus' "label absent"). */
    String valueFrom(Fields fields);

    static LabelSource field(String name) {
        return new FromField(name);
    }

    static LabelSource constant(String value) {
        return new Constant(value);
    }

    record FromField(String field) implements LabelSource {
        public FromField {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public String valueFrom(Fields fields) {
            String value = fields.get(field);
            return value == null ? "" : value;
        }
    }

    record Constant(String value) implements LabelSource {
        public Constant {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String valueFrom(Fields fields) {
            return value;
        }
    }
}
