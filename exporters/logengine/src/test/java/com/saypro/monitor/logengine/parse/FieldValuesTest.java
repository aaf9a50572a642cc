package com.saypro.monitor.logengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldValuesTest {

    @Property(tries = 5000)
    void plainDecimalsReadExactlyAsParseDoubleReadsThem(@ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long digits,
            @ForAll @IntRange(min = 0, max = 15) int fractionDigits) {
        String text = Long.toString(digits);
        if (fractionDigits > 0) {
            String padded = "0".repeat(Math.max(0, fractionDigits + 1 - text.length())) + text;
            text = padded.substring(0, padded.length() - fractionDigits) + "." + padded.substring(padded.length() - fractionDigits);
        }
        assertThat(FieldValues.number(text)).as(text).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0.123                    | 0.123
            15                       | 15.0
            1e3                      | 1000.0
            -0.5                     | -0.5
            0.010, 0.020 : 0.003     | 0.033
            1234567890123456789.5    | 1.2345678901234568E18
            """)
    void numbersAsNginxWritesThem(String text, double expected) {
        assertThat(FieldValues.number(text)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -
            .
            .5x
            abc
            - , -
            """)
    void nothingMeasuredIsNaN(String text) {
        assertThat(FieldValues.number(text)).isNaN();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -                        | 0
            0.1                      | 1
            0.010, 0.020 : 0.003     | 3
            """)
    void upstreamListsAreCountedWithoutRegexes(String text, int entries) {
        assertThat(FieldValues.listSize(text)).isEqualTo(entries);
    }
}
