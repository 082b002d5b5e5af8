package io.gatewatch.rules;

import java.time.Duration;
import java.util.Map;

/**
 * Rule thresholds, windows and suppression periods by name: {@code suppress.BRUTE_FORCE=PT1H},
 * {@code rule.BRUTE_FORCE.threshold=10}, {@code rule.BRUTE_FORCE.window=PT10M}. A rule asks with
 * its default, so every number is configurable and the defaults live next to the rule.
 */
public record RuleSettings(Map<String, Duration> suppressions, Map<String, String> parameters) {

    public static final RuleSettings DEFAULTS = new RuleSettings(Map.of(), Map.of());

    public RuleSettings {
        suppressions = Map.copyOf(suppressions);
        parameters = Map.copyOf(parameters);
    }

    public RuleSettings(Map<String, Duration> suppressions) {
        this(suppressions, Map.of());
    }

    public Duration suppression(String rule, Duration defaultPeriod) {
        return suppressions.getOrDefault(rule, defaultPeriod);
    }

    public long number(String rule, String parameter, long defaultValue) {
        String value = parameters.get(rule + "." + parameter);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule." + rule + "." + parameter + " must be a whole number");
        }
    }

    public Duration period(String rule, String parameter, Duration defaultValue) {
        String value = parameters.get(rule + "." + parameter);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Duration.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("rule." + rule + "." + parameter + " must be an ISO-8601 duration");
        }
    }
}
