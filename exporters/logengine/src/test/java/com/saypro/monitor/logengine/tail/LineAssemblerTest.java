package com.saypro.monitor.logengine.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The line cutter's newline search, eight bytes at a time, against the plain byte-by-byte loop. */
class LineAssemblerTest {

    @Property(tries = 5000)
    void findsTheFirstNewlineLikeAPlainLoop(@ForAll("bytes") byte[] bytes, @ForAll @IntRange(max = 80) int a,
            @ForAll @IntRange(max = 80) int b) {
        int from = Math.min(Math.min(a, b), bytes.length);
        int to = Math.min(Math.max(a, b), bytes.length);

        assertThat(LineAssembler.indexOfNewline(bytes, from, to)).isEqualTo(plain(bytes, from, to));
    }

    @Property(tries = 1000)
    void cutsTheSameLinesWhateverTheReadSizes(@ForAll("bytes") byte[] bytes, @ForAll @IntRange(min = 1, max = 20) int read) {
        List<String> lines = new ArrayList<>();
        LineAssembler assembler = new LineAssembler(1000, 0);
        LineAssembler.Output out = new LineAssembler.Output() {
            @Override
            public void line(String line) {
                lines.add(line);
            }

            @Override
            public void tooLong() {
                lines.add("<too long>");
            }
        };
        for (int from = 0; from < bytes.length; from += read) {
            int to = Math.min(bytes.length, from + read);
            assertThat(assembler.committedOffset()).isLessThanOrEqualTo(from);
            assembler.feed(bytes, from, to, from, out);
        }

        List<String> expected = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                expected.add(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        assertThat(lines).isEqualTo(expected);
        assertThat(assembler.committedOffset()).isEqualTo(start);
    }

    /** Mostly newlines and the bytes next to them in value (0x09, 0x0B, 0x8A) and in the zero-byte test's carries. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> tricky = Arbitraries.of((byte) '\n', (byte) 0x0B, (byte) 0x09, (byte) 0x8A, (byte) 0x00,
                (byte) 0x01, (byte) 0xFF, (byte) 0x80, (byte) '\r', (byte) 'a');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, tricky), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(80)
                .map(list -> {
                    byte[] array = new byte[list.size()];
                    for (int i = 0; i < array.length; i++) {
                        array[i] = list.get(i);
                    }
                    return array;
                });
    }

    private static int plain(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
