package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.FieldValues;
import com.saypro.monitor.logengine.parse.Fields;
import java.util.List;

/**
 * Parsed fields plus derived ones; a derived field shadows a parsed field of the same name. Each derivation runs
 * when its field is first asked for, not for every line: an nginx source gets five standard derivations, and most
 * rule sets read two of them. The answers are those of running every derivation in order up front (later
 * derivations see the earlier ones and the parsed fields, never themselves or later ones): a derivation computing
 * field {@code i} sees the derivations before {@code i} only.
 */
final class DerivedFields implements Fields {

    private static final Object NOT_YET = new Object();

    private final Fields parsed;
    private final FieldDerivation[] derivations;
    private final String[] names;
    private final Object[] values;
    /** Only derivations before this index are visible: the one being computed sees its predecessors only. */
    private int visible;

    DerivedFields(Fields parsed, FieldDerivation[] derivations, String[] names) {
        this.parsed = parsed;
        this.derivations = derivations;
        this.names = names;
        this.values = new Object[derivations.length];
        java.util.Arrays.fill(values, NOT_YET);
        this.visible = derivations.length;
    }

    DerivedFields(Fields parsed, List<FieldDerivation> derivations) {
        this(parsed, derivations.toArray(FieldDerivation[]::new),
                derivations.stream().map(FieldDerivation::name).toArray(String[]::new));
    }

    @Override
    public String get(String name) {
        int limit = visible;
        for (int i = 0; i < limit; i++) {
            if (names[i].equals(name)) {
                String value = value(i);
                if (value != null) {
                    return value;
                }
            }
        }
        return parsed.get(name);
    }

    @Override
    public double number(String name) {
        for (int i = 0; i < visible; i++) {
            if (names[i].equals(name)) {
                return FieldValues.number(get(name));
            }
        }
        return parsed.number(name);
    }

    private String value(int i) {
        Object value = values[i];
        if (value == NOT_YET) {
            int saved = visible;
            visible = i;
            try {
                value = derivations[i].derive(this);
            } finally {
                visible = saved;
            }
            values[i] = value;
        }
        return (String) value;
    }
}
