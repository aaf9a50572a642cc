package com.saypro.monitor.logs;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One edit of YAML text: {@code where} picks the place (modulo the length). */
record TextEdit(EditKind kind, int where, int length, String text) {

    enum EditKind { INSERT, DELETE, TRUNCATE, DUPLICATE_LINE, TAB_INDENT, REPLACE_CHAR }

    String apply(String yaml) {
        if (yaml.isEmpty()) {
            return text;
        }
        int at = Math.floorMod(where, yaml.length());
        return switch (kind) {
            case INSERT -> yaml.substring(0, at) + text + yaml.substring(at);
            case DELETE -> yaml.substring(0, at) + yaml.substring(Math.min(yaml.length(), at + length));
            case TRUNCATE -> yaml.substring(0, at);
            case DUPLICATE_LINE -> {
                String[] lines = yaml.split("\n", -1);
                int line = Math.floorMod(where, lines.length);
                List<String> out = new ArrayList<>(List.of(lines));
                out.add(line, lines[line]);
                yield String.join("\n", out);
            }
            case TAB_INDENT -> yaml.replaceFirst("\n  ", "\n\t");
            case REPLACE_CHAR -> yaml.substring(0, at) + (text.isEmpty() ? "" : text.substring(0, 1))
                    + yaml.substring(at + 1);
        };
    }

    static Arbitrary<TextEdit> arbitrary() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of(":", "- ", "{", "}", "[", "]", "'", "\"", "&a ", "*a", "!!binary ", "!!python/object ",
                        "---\n", "...\n", "? ", "|\n", ">-\n", "%YAML 1.1\n", "#", "\t", "\n", "\u0000", "\ufeff",
                        "<<: *a\n", "key: value\n", "  - x\n", "$", "${", "$${"),
                Arbitraries.strings().ofMaxLength(8),
                HostileValues.oddUnicode(),
                HostileValues.regexes(),
                HostileValues.logFormats());
        return Combinators.combine(Arbitraries.of(TextEdit.EditKind.class), Arbitraries.integers(),
                Arbitraries.integers().between(1, 40), text).as(TextEdit::new);
    }
}
