package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.Fields;
import java.util.List;

/** Parsed fields plus derived ones; a derived field shadows a parsed field of the same name. */
final class DerivedFields implements Fields {

    private final Fields parsed;
    private final String[] names;
    private final String[] values;

    DerivedFields(Fields parsed, List<FieldDerivation> derivations) {
        this.parsed = parsed;
        this.names = new String[derivations.size()];
        this.values = new String[derivations.size()];
        for (int i = 0; i < names.length; i++) {
            FieldDerivation derivation = derivations.get(i);
            names[i] = derivation.name();
            values[i] = derivation.derive(this); // later derivations may use earlier ones
        }
    }

    @Override
    public String get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && values[i] != null && names[i].equals(name)) {
                return values[i];
            }
        }
        return parsed.get(name);
    }
}
