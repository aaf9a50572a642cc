package com.saypro.monitor.security.logs;

import com.saypro.monitor.logengine.parse.Fields;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * When a line happened, from its own timestamp: RFC 3339 ({@code 2026-11-24T02:11:06.123Z}, the marketplace's
 * {@code ts}, Debian 12's rsyslog) or traditional syslog ({@code Nov 24 02:11:06}: local time of {@code zone}, no
 * year, so the latest year that does not put the line more than a day in the future). {@link #NONE} (-1) when the
 * line has no timestamp or it does not parse: the caller falls back to its clock.
 */
@FunctionalInterface
public interface LineTime {

    long NONE = -1;

    /** The line's time in epoch milliseconds, or {@link #NONE}. */
    long millis(Fields fields, long nowMillis);

    /** Lines without a usable timestamp. */
    static LineTime clockOnly() {
        return (fields, now) -> NONE;
    }

    /** The timestamp in {@code field}, in either form; traditional syslog times are in {@code zone}. */
    static LineTime field(String field, ZoneId zone) {
        return (fields, now) -> {
            String text = fields.get(field);
            return text == null ? NONE : parse(text.trim(), zone, now);
        };
    }

    static long parse(String text, ZoneId zone, long nowMillis) {
        try {
            if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            }
            return syslog(text, zone, nowMillis);
        } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
            return NONE;
        }
    }

    private static long syslog(String text, ZoneId zone, long nowMillis) {
        // "Nov 24 02:11:06" or "Nov  4 02:11:06"
        if (text.length() != 15 || text.charAt(3) != ' ' || text.charAt(6) != ' ') {
            return NONE;
        }
        int month = "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(text.substring(0, 3));
        if (month < 0 || month % 3 != 0) {
            return NONE;
        }
        int day = Integer.parseInt(text.substring(4, 6).trim());
        int hour = Integer.parseInt(text.substring(7, 9));
        int minute = Integer.parseInt(text.substring(10, 12));
        int second = Integer.parseInt(text.substring(13, 15));
        long latest = nowMillis + 86_400_000L;
        int year = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(nowMillis), zone).getYear();
        for (int y = year + 1; y >= year - 4; y--) { // Feb 29 may need to go back to a leap year
            try {
                long at = LocalDateTime.of(y, month / 3 + 1, day, hour, minute, second).atZone(zone).toInstant()
                        .toEpochMilli();
                if (at <= latest) {
                    return at;
                }
            } catch (DateTimeException e) {
                // no such day this year
            }
        }
        return NONE;
    }
}
