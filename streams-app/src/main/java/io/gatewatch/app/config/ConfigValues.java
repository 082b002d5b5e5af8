package io.gatewatch.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of configuration values that note each bad value and read on, so that a check
 * reports every problem at once rather than one per attempt. A bad value reads as null or 0:
 * callers look at {@link #problems()} before using what they read.
 */
final class ConfigValues {

    private final Map<String, String> values;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigValues(Map<String, String> values) {
        this.values = values;
    }

    String text(String key) {
        return values.get(key);
    }

    Duration duration(String key) {
        String value = values.get(key);
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            problem(key, key + " must be an ISO-8601 duration such as PT1M, was '" + value + "'");
            return null;
        }
    }

    /** A whole number from {@code min} to {@code max}, {@code note} after the range: out of range is refused here, never wrapped into a short later. */
    int integer(String key, int min, int max, String note) {
        String value = values.get(key);
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number, or beyond an int: the same message, which says what is allowed
        }
        problem(key, key + " must be a whole number " + (max == Integer.MAX_VALUE ? "of at least " + min
                : "from " + min + " to " + max) + note + ", was '" + value + "'");
        return 0;
    }

    /** A number of bytes, at least {@code min}: a plain number, since "256MB" is the likely mistake. */
    long bytes(String key, long min) {
        String value = values.get(key);
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number, or beyond a long: the same message, which says what is allowed
        }
        problem(key, key + " must be a whole number of bytes without a unit, at least " + min + " (" + (min >> 20)
                + " MiB), was '" + value + "'");
        return 0;
    }

    /** {@code true} or {@code false} in any case; anything else (yes, 1, on) is a problem, not a silent false. */
    boolean flag(String key) {
        String value = values.get(key).strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            problem(key, key + " must be true or false, was '" + values.get(key) + "'");
        }
        return value.equals("true");
    }

    /** One of {@code allowed}, compared as given. */
    String choice(String key, String... allowed) {
        String value = values.get(key).strip();
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        problem(key, key + " must be " + String.join(" or ", allowed) + ", was '" + values.get(key) + "'");
        return null;
    }

    void problem(String key, String message) {
        problems.add(new ConfigProblem(key, message));
    }

    List<ConfigProblem> problems() {
        return problems;
    }
}
