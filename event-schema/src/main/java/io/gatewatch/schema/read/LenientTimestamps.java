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
