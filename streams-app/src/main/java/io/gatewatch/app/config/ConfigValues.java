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

    int integer(String key) {
        String value = values.get(key);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problem(key, key + " must be a whole number, was '" + value + "'");
            return 0;
        }
    }

    long wholeNumber(String key) {
        String value = values.get(key);
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problem(key, key + " must be a whole number, was '" + value + "'");
            return 0;
        }
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
