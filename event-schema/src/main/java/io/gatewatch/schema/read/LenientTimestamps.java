package io.gatewatch.schema.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Parses the timestamp spellings real exports use: ISO-8601 with 0-9 fractional digits and an
 * optional offset (Graph has 7 digits, Log Analytics 3), the Azure Monitor
 * {@code 11/14/2025 1:48:53 AM} form and the portal CSV's {@code 4/28/2021, 2:08:45.221 PM}.
 * A timestamp without an offset is UTC, which is what every Entra export means.
 */
public final class LenientTimestamps {

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter US = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("M/d/uuuu")
            .optionalStart().appendLiteral(',').optionalEnd()
            .appendPattern(" h:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern(" a")
            .toFormatter(Locale.US);

    private static final List<DateTimeFormatter> FORMATS = List.of(ISO, US);

    private LenientTimestamps() {
    }

    /** The instant, or an exception whose message says the format is unknown (not the value). */
    public static Instant parse(String text) throws UnreadableRecordException {
        String trimmed = text.trim();
        Instant plain = parsePlainUtc(trimmed);
        return plain != null ? plain : parseAnySpelling(trimmed);
    }

    /**
     * The spelling nearly every record has, {@code 2024-05-01T12:34:56[.fffffff][Z]}, read by
     * position: the formatters cost a few microseconds per record, which the streams and offline
     * readers pay on every event. Null for anything else (then the formatters decide, as before).
     */
    static Instant parsePlainUtc(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int end = text.charAt(length - 1) == 'Z' ? length - 1 : length;
        int nanos = 0;
        if (end > 19) {
            int digits = end - 20;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = digits(text, 20, end);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * POWERS_OF_TEN[9 - digits];
        } else if (end < 19) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // e.g. 24:00 or 31 April: the formatters' own rules apply
        }
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The decimal value of text[from, to), or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Every spelling the class knows, through the formatters. */
    static Instant parseAnySpelling(String trimmed) throws UnreadableRecordException {
        for (DateTimeFormatter format : FORMATS) {
            try {
                TemporalAccessor parsed = format.parse(trimmed);
                LocalDateTime local = LocalDateTime.of(
                        parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                        parsed.get(ChronoField.DAY_OF_MONTH), parsed.get(ChronoField.HOUR_OF_DAY),
                        parsed.get(ChronoField.MINUTE_OF_HOUR),
                        parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                        parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0);
                ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                        ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
                return local.toInstant(offset);
            } catch (DateTimeException e) {
                // try the next spelling
            }
        }
        throw new UnreadableRecordException("timestamp in an unknown format");
    }
}
