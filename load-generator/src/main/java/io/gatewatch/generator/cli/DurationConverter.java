package io.gatewatch.generator.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads a duration as ISO-8601 ({@code PT2H}, {@code P2D}) or short form ({@code 90s}, {@code 10m}, {@code 2h}, {@code 2d}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (text.length() < 2) {
            throw new IllegalArgumentException("not a duration: '" + value + "' (use 90s, 10m, 2h, 2d or PT2H)");
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + value + "' (use 90s, 10m, 2h, 2d or PT2H)");
        }
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration: '" + value + "' (use 90s, 10m, 2h, 2d or PT2H)");
        };
    }
}
