package com.saypro.monitor.incidents.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link IncidentKey} keeps Alertmanager's 16-digit fingerprints as numbers and any other as text;
 * either way it behaves as the plain record of a fingerprint string and a start it replaced.
 */
class IncidentKeyPropertyTest {
  /** The key as it was: a record, whose equality, hash and order are those of its two fields. */
  record Reference(String fingerprint, long startsAtMillis) implements Comparable<Reference> {
    @Override
    public int compareTo(Reference other) {
      int byTime = Long.compare(startsAtMillis, other.startsAtMillis);
      return byTime != 0 ? byTime : fingerprint.compareTo(other.fingerprint);
    }
  }

  @Property(tries = 3000)
  void behavesAsTheRecordOfItsTextAndStart(@ForAll("keys") Reference a, @ForAll("keys") Reference b) {
    IncidentKey x = new IncidentKey(a.fingerprint(), a.startsAtMillis());
    IncidentKey y = new IncidentKey(b.fingerprint(), b.startsAtMillis());
    assertThat(x.fingerprint()).isEqualTo(a.fingerprint());
    assertThat(x.startsAtMillis()).isEqualTo(a.startsAtMillis());
    assertThat(x.equals(y)).isEqualTo(a.equals(b));
    if (a.equals(b)) {
      assertThat(x.hashCode()).isEqualTo(y.hashCode());
    }
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(a.compareTo(b)));
    assertThat(x).hasToString(a.fingerprint() + "@" + x.startsAt());
  }

  @Property(tries = 200)
  void setsOfKeysHoldWhatSetsOfRecordsHold(@ForAll("lists") List<Reference> references) {
    Set<Reference> plain = new HashSet<>(references);
    Set<IncidentKey> keys = new HashSet<>();
    for (Reference r : references) {
      keys.add(new IncidentKey(r.fingerprint(), r.startsAtMillis()));
    }
    assertThat(keys).hasSameSizeAs(plain);
    assertThat(keys).extracting(IncidentKey::fingerprint).containsExactlyInAnyOrderElementsOf(
        plain.stream().map(Reference::fingerprint).toList());
  }

  @Provide
  Arbitrary<Reference> keys() {
    // mostly Alertmanager's 16 lowercase hex digits (near each other, and the extremes), sometimes other
    // lengths, upper case or other characters; few start times, so equal keys and ties are common
    Arbitrary<String> hex16 = Arbitraries.oneOf(
        Arbitraries.longs().map(v -> String.format("%016x", v)),
        Arbitraries.longs().between(-3, 3).map(v -> String.format("%016x", v)),
        Arbitraries.of("0000000000000000", "ffffffffffffffff", "7fffffffffffffff", "8000000000000000"));
    Arbitrary<String> other = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789abcdefABCDEFg").ofMinLength(1).ofMaxLength(20),
        Arbitraries.longs().map(v -> String.format("%016X", v)),
        Arbitraries.longs().map(v -> String.format("%015x", v & 0xfffffffffffffffL)));
    Arbitrary<String> fingerprint = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, hex16), net.jqwik.api.Tuple.of(1, other));
    return Combinators.combine(fingerprint, Arbitraries.longs().between(0, 3)).as(Reference::new);
  }

  @Provide
  Arbitrary<List<Reference>> lists() {
    return keys().list().ofMaxSize(40);
  }
}
