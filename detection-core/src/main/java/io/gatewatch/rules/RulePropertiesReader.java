package io.gatewatch.rules;

import static io.gatewatch.rules.RuleSettings.RULE_PREFIX;
import static io.gatewatch.rules.RuleSettings.SUPPRESS_PREFIX;
import static io.gatewatch.rules.RuleSettings.ruleName;

import io.gatewatch.rules.exceptions.ExceptionKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Reads {@link RuleSettings} from a configuration's keys, refusing what does not read with the key named. */
final class RulePropertiesReader {

    private RulePropertiesReader() {
    }

    static RuleSettings read(Map<String, String> values) {
        Map<String, Duration> suppressions = new HashMap<>();
        Map<String, String> parameters = new HashMap<>();
        Map<String, String> globalExceptions = new HashMap<>();
        values.forEach((given, value) -> {
            String key = RuleKeys.canonical(given);
            if (key.startsWith(RULE_PREFIX)) {
                String rest = key.substring(RULE_PREFIX.length());
                int dot = rest.lastIndexOf('.');
                if (dot <= 0) {
                    throw new IllegalArgumentException(key + ": expected rule.<RULE>.<parameter>");
                }
                String parameter = rest.substring(dot + 1);
                if (parameter.startsWith(ExceptionKind.PARAMETER_PREFIX)) {
                    checkExceptions(key, ExceptionKind.ofParameter(parameter), value);
                }
                parameters.put(ruleName(rest.substring(0, dot)) + rest.substring(dot), value.trim());
            } else if (key.startsWith(SUPPRESS_PREFIX)) {
                suppressions.put(ruleName(key.substring(SUPPRESS_PREFIX.length())), duration(key, value));
            } else if (key.startsWith(ExceptionKind.GLOBAL_PREFIX)) {
                checkExceptions(key, ExceptionKind.ofGlobalKey(key), value);
                globalExceptions.put(key, value.trim());
            }
        });
        return new RuleSettings(suppressions, parameters, globalExceptions);
    }

    private static void checkExceptions(String key, ExceptionKind kind, String value) {
        if (kind == null) {
            throw new IllegalArgumentException(key + " is not an exception list (" + RuleKeys.EXCEPTION_KEYS + ")");
        }
        String problem = kind.problem(key, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    static Duration duration(String key, String value) {
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT1H, was '" + value + "'");
        }
    }
}
