package com.saypro.monitor.logengine.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out, from an RE2 pattern's text, a set of literal strings at least one of which occurs in every match
 * (the idea of RE2's own prefilter). Testing those literals first is far cheaper than running RE2/J's NFA, which
 * costs tens of nanoseconds per character per pattern: a path that contains none of them cannot match and the
 * pattern is skipped.
 *
 * <p>Conservative by construction: any syntax it does not fully understand (flags such as {@code (?i)}, Unicode
 * classes, escapes other than punctuation, {@code \d} and assertions) gives "no literals", and the pattern is then
 * always run. So a wrong answer can only cost speed, never a classification.
 */
final class RequiredLiterals {

    /** Exact sets larger than this are turned into requirements, as RE2 does, to keep the sets small. */
    private static final int MAX_EXACT = 16;
    private static final int MAX_CLASS = 10;

    private final String regex;
    private int pos;

    private RequiredLiterals(String regex) {
        this.regex = regex;
    }

    /** Literals one of which every match contains, or empty when the pattern gives no usable requirement. */
    static Optional<List<String>> of(String regex) {
        try {
            RequiredLiterals parser = new RequiredLiterals(regex);
            Info info = parser.alternation();
            if (parser.pos != regex.length()) {
                return Optional.empty(); // an unbalanced ')': let RE2/J decide, never guess
            }
            Set<String> required = info.required();
            return required == null ? Optional.empty() : Optional.of(List.copyOf(required));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * What is known about the strings a sub-pattern matches: all of them ({@code exact}, a small finite set), or
     * a set one of which each contains ({@code containsOneOf}), or nothing (both null).
     */
    private record Info(Set<String> exact, Set<String> containsOneOf) {
        static final Info ANY = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);

        static Info exact(Set<String> strings) {
            return new Info(strings, null);
        }

        Set<String> required() {
            return exact != null ? simplify(exact) : containsOneOf;
        }
    }

    private Info alternation() {
        List<Info> branches = new ArrayList<>();
        branches.add(concatenation());
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            branches.add(concatenation());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        Set<String> union = new LinkedHashSet<>();
        boolean allExact = true;
        for (Info branch : branches) {
            if (branch.exact() == null) {
                allExact = false;
                break;
            }
            union.addAll(branch.exact());
        }
        if (allExact && union.size() <= MAX_EXACT) {
            return Info.exact(union);
        }
        Set<String> required = new LinkedHashSet<>();
        for (Info branch : branches) {
            Set<String> r = branch.required();
            if (r == null) {
                return Info.ANY; // one branch can match without any literal
            }
            required.addAll(r);
        }
        return new Info(null, simplify(required));
    }

    private Info concatenation() {
        Set<String> run = Set.of(""); // the exact strings of the current run of exact parts
        Set<String> best = null;
        boolean allExact = true;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Info part = repetition();
            if (part.exact() != null) {
                Set<String> crossed = cross(run, part.exact());
                if (crossed.size() <= MAX_EXACT) {
                    run = crossed;
                } else {
                    best = better(best, simplify(run));
                    run = part.exact();
                    allExact = false;
                }
            } else {
                best = better(better(best, simplify(run)), part.required());
                run = Set.of("");
                allExact = false;
            }
        }
        return allExact ? Info.exact(run) : new Info(null, better(best, simplify(run)));
    }

    private Info repetition() {
        Info atom = atom();
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '?') {
                pos++;
                Set<String> withEmpty = atom.exact() == null ? null : new LinkedHashSet<>(atom.exact());
                if (withEmpty != null) {
                    withEmpty.add("");
                }
                atom = withEmpty == null ? Info.ANY : Info.exact(withEmpty);
            } else if (c == '*') {
                pos++;
                atom = Info.ANY;
            } else if (c == '+') {
                pos++;
                atom = new Info(null, atom.required());
            } else if (c == '{') {
                int close = regex.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String bounds = regex.substring(pos + 1, close);
                if (!bounds.matches("[0-9]+(,[0-9]*)?")) {
                    throw new Unsupported();
                }
                int min = Integer.parseInt(bounds.split(",", -1)[0]);
                pos = close + 1;
                atom = min == 0 ? Info.ANY : new Info(null, atom.required());
            } else {
                break;
            }
            if (pos < regex.length() && regex.charAt(pos) == '?') {
                pos++; // lazy quantifier: same strings
            }
        }
        return atom;
    }

    private Info atom() {
        char c = regex.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                if (regex.startsWith("?:", pos)) {
                    pos += 2;
                } else if (regex.startsWith("?P<", pos) || regex.startsWith("?<", pos)) {
                    int close = regex.indexOf('>', pos);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    pos = close + 1;
                } else if (regex.startsWith("?", pos)) {
                    throw new Unsupported(); // flags such as (?i) change what matches
                }
                Info inner = alternation();
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw new Unsupported();
                }
                pos++;
                return inner;
            }
            case '[' -> {
                return characterClass();
            }
            case '.' -> {
                pos++;
                return Info.ANY;
            }
            case '^', '$' -> {
                pos++;
                return Info.EMPTY;
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
            default -> {
                pos++;
                return Info.exact(Set.of(String.valueOf(c)));
            }
        }
    }

    private Info escape() {
        if (pos + 1 >= regex.length()) {
            throw new Unsupported();
        }
        char e = regex.charAt(pos + 1);
        pos += 2;
        if (e == 'd') {
            return Info.exact(digits());
        }
        if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
            return Info.EMPTY;
        }
        if (isPunctuation(e)) {
            return Info.exact(Set.of(String.valueOf(e)));
        }
        if (e == 'w' || e == 's' || e == 'W' || e == 'S' || e == 'D') {
            return Info.ANY;
        }
        throw new Unsupported(); // \p{..}, \Q..\E, \x.., octal: not worth the risk
    }

    private Info characterClass() {
        pos++; // '['
        if (pos < regex.length() && regex.charAt(pos) == '^') {
            skipClass();
            return Info.ANY;
        }
        Set<String> chars = new LinkedHashSet<>();
        boolean first = true;
        while (pos < regex.length() && (regex.charAt(pos) != ']' || first)) {
            first = false;
            char c = regex.charAt(pos);
            if (c == '[') {
                throw new Unsupported(); // [[:alpha:]]
            }
            if (c == '\\') {
                if (pos + 1 >= regex.length()) {
                    throw new Unsupported();
                }
                char e = regex.charAt(pos + 1);
                pos += 2;
                if (e == 'd') {
                    chars.addAll(digits());
                    continue;
                }
                if (!isPunctuation(e)) {
                    throw new Unsupported();
                }
                c = e;
            } else {
                pos++;
            }
            if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
                char to = regex.charAt(pos + 1);
                if (to == '\\' || to < c || to - c > MAX_CLASS) {
                    throw new Unsupported();
                }
                pos += 2;
                for (char r = c; r <= to; r++) {
                    chars.add(String.valueOf(r));
                }
            } else {
                chars.add(String.valueOf(c));
            }
        }
        if (pos >= regex.length()) {
            throw new Unsupported();
        }
        pos++; // ']'
        return chars.size() <= MAX_CLASS ? Info.exact(chars) : Info.ANY;
    }

    private void skipClass() {
        while (pos < regex.length() && regex.charAt(pos) != ']') {
            pos += regex.charAt(pos) == '\\' ? 2 : 1;
        }
        if (pos >= regex.length()) {
            throw new Unsupported();
        }
        pos++;
    }

    private static boolean isPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && c > ' ';
    }

    private static Set<String> digits() {
        Set<String> digits = new LinkedHashSet<>();
        for (char d = '0'; d <= '9'; d++) {
            digits.add(String.valueOf(d));
        }
        return digits;
    }

    private static Set<String> cross(Set<String> left, Set<String> right) {
        Set<String> result = new LinkedHashSet<>();
        for (String a : left) {
            for (String b : right) {
                result.add(a + b);
                if (result.size() > MAX_EXACT) {
                    return result;
                }
            }
        }
        return result;
    }

    /**
     * A requirement from an exact set: null if the empty string is in it (no requirement); otherwise the set
     * without strings that contain another member (containing the shorter is already implied).
     */
    private static Set<String> simplify(Set<String> strings) {
        if (strings == null || strings.contains("")) {
            return null;
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String s : strings) {
            boolean implied = false;
            for (String t : strings) {
                if (!t.equals(s) && s.contains(t)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                kept.add(s);
            }
        }
        return kept;
    }

    /** The more selective of two requirements: longer shortest literal, then fewer literals. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Comparator<Set<String>> selectivity = Comparator.<Set<String>>comparingInt(RequiredLiterals::shortest)
                .thenComparing(Comparator.<Set<String>>comparingInt(Set::size).reversed());
        return selectivity.compare(a, b) >= 0 ? a : b;
    }

    private static int shortest(Set<String> strings) {
        return strings.stream().mapToInt(String::length).min().orElse(0);
    }

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }
}
