package com.saypro.monitor.logengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.logengine.parse.FieldValues;
import com.saypro.monitor.logengine.parse.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Derived fields are computed on first use; the answers must be those of running every derivation in order up
 * front (the engine's behaviour before, kept here as {@link Eager}), whatever the chain: derivations reading earlier
 * ones, shadowing parsed fields, reading their own name, names derived twice.
 */
class LazyDerivationsTest {

    private static final List<String> NAMES = List.of("a", "b", "c", "status", "up");

    @Property(tries = 2000)
    void lazyAnswersAsEagerDerivationDid(@ForAll("derivations") List<FieldDerivation> derivations,
            @ForAll("parsed") Map<String, String> parsed, @ForAll("queries") List<String> queries) {
        Fields source = parsed::get;
        Fields lazy = new DerivedFields(source, derivations);
        Eager eager = new Eager(source, derivations);
        for (String name : queries) {
            assertThat(lazy.get(name)).as("%s after %s", name, queries).isEqualTo(eager.get(name));
            assertThat(Double.doubleToLongBits(lazy.number(name))).as("number %s", name)
                    .isEqualTo(Double.doubleToLongBits(FieldValues.number(eager.get(name))));
        }
    }

    @Test
    void aDerivationRunsOnlyWhenItsFieldIsAskedFor() {
        List<String> ran = new ArrayList<>();
        FieldDerivation counted = FieldDerivation.lookup("m", "x", Map.of("1", "one"));
        Fields parsed = name -> {
            ran.add(name);
            return "1";
        };
        DerivedFields fields = new DerivedFields(parsed, List.of(counted, FieldDerivation.statusClass("s", "y")));

        assertThat(fields.get("m")).isEqualTo("one");
        assertThat(fields.get("m")).isEqualTo("one");
        assertThat(ran).as("x read once, y never").containsExactly("x");
    }

    @Provide
    Arbitrary<List<FieldDerivation>> derivations() {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<FieldDerivation> one = Arbitraries.oneOf(
                Combinators.combine(name, name, Arbitraries.of("x", "y", "other")).as((n, from, otherwise) ->
                        FieldDerivation.lookup(n, from, Map.of("200", "ok", "x", "y", "y", "x", "ok", "x"),
                                otherwise.equals("other") ? null : otherwise)),
                Combinators.combine(name, name).as(FieldDerivation::statusClass),
                Combinators.combine(name, name).as(FieldDerivation::lastListItem));
        return one.list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Map<String, String>> parsed() {
        return Arbitraries.maps(Arbitraries.of(NAMES),
                Arbitraries.of("200", "503", "x", "y", "ok", "-", "", "1.1.1.1:80, 2.2.2.2:80", "  ", "0.25", "0.1, 0.2")).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> queries() {
        return Arbitraries.of("a", "b", "c", "status", "up", "missing").list().ofMaxSize(8);
    }

    /** The previous implementation: every derivation computed in order when the line is wrapped. */
    private static final class Eager implements Fields {
        private final Fields parsed;
        private final String[] names;
        private final String[] values;

        Eager(Fields parsed, List<FieldDerivation> derivations) {
            this.parsed = parsed;
            this.names = new String[derivations.size()];
            this.values = new String[derivations.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = derivations.get(i).name();
                values[i] = derivations.get(i).derive(this);
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
}
