package io.gatewatch.schema.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The positional fast path reads exactly what the formatters read, and leaves everything else to them. */
class LenientTimestampsTest {

    @Property(tries = 2000)
    void theFastPathAgreesWithTheFormattersOnEveryPlainSpelling(
            @ForAll @LongRange(min = 0, max = 4_102_444_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 9) int fractionDigits,
            @ForAll boolean zulu) throws Exception {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, nanos, ZoneOffset.UTC);
        String text = time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"))
                + (fractionDigits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, fractionDigits))
                + (zulu ? "Z" : "");

        Instant fast = LenientTimestamps.parsePlainUtc(text);

        assertThat(fast).as(text).isNotNull().isEqualTo(LenientTimestamps.parseAnySpelling(text));
        assertThat(LenientTimestamps.parse(text)).isEqualTo(fast);
    }

    @Test
    void everyOtherSpellingIsLeftToTheFormatters() throws Exception {
        for (String text : List.of("2024-05-01t12:34:56z", "2024-05-01 12:34:56", "2024-05-01T12:34",
                "2024-05-01T12:34:56+05:30", "2024-05-01T12:34:56.123+0530", "2024-05-01T12:34:56.Z",
                "2024-05-01T24:00:00Z", "2024-04-31T10:00:00Z", "2024-05-01T12:34:56.1234567890Z",
                "11/14/2025 1:48:53 AM", "2024-05-0１T12:34:56Z")) {
            assertThat(LenientTimestamps.parsePlainUtc(text)).as(text).isNull();
        }
        assertThat(LenientTimestamps.parse("2024-05-01T12:34:56.123+05:30"))
                .isEqualTo(Instant.parse("2024-05-01T07:04:56.123Z"));
        assertThat(LenientTimestamps.parse("2024-05-01t12:34:56z")).isEqualTo(Instant.parse("2024-05-01T12:34:56Z"));
    }
}
