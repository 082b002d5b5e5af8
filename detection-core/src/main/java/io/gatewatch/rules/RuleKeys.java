package io.gatewatch.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule settings there are — every key of the shipped {@code rules.properties} — and the kind
 * of value each takes, told from its shipped default (a number, a duration, true/false). Lets a
 * configuration be checked when it is loaded: a rule reads its numbers only when its topology is
 * built, after the broker answered, which is too late to say "this value is not a number".
 */
public final class RuleKeys {

    private static final String RULE_PREFIX = "rule.";
    private static final String SUPPRESS_PREFIX = "suppress.";

    private RuleKeys() {
    }

    /** Whether a key is in the rules' name space ({@code rule.*}, {@code suppress.*}). */
    public static boolean isRuleKey(String key) {
        return key.startsWith(RULE_PREFIX) || key.startsWith(SUPPRESS_PREFIX);
    }

    /**
     * A rule key as the shipped file spells it: the rule name upper-cased with {@code -} and
     * {@code .} as {@code _} ({@code rule.brute.force.threshold} → {@code rule.BRUTE_FORCE.threshold}),
     * as {@link RuleSettings#fromProperties} reads it. Other keys come back as they are.
     */
    public static String canonical(String key) {
        if (key.startsWith(SUPPRESS_PREFIX)) {
            return SUPPRESS_PREFIX + RuleSettings.ruleName(key.substring(SUPPRESS_PREFIX.length()));
        }
        if (key.startsWith(RULE_PREFIX)) {
            String rest = key.substring(RULE_PREFIX.length());
            int dot = rest.lastIndexOf('.');
            return dot <= 0 ? key : RULE_PREFIX + RuleSettings.ruleName(rest.substring(0, dot)) + rest.substring(dot);
        }
        return key;
    }

    /** Every rule setting with its shipped default, sorted by key. */
    public static Map<String, String> defaults() {
        return new TreeMap<>(RuleSettings.shippedFile());
    }

    /** Whether the canonical key is a setting of a real rule. */
    public static boolean known(String canonicalKey) {
        return RuleSettings.shippedFile().containsKey(canonicalKey);
    }

    /** What is wrong with a value for a known canonical key, or null when it is fine. */
    public static String problem(String canonicalKey, String value) {
        String shipped = RuleSettings.shippedFile().get(canonicalKey);
        if (shipped == null) {
            return null;
        }
        String given = value.strip();
        if (isFlag(shipped)) {
            return isFlag(given) ? null : canonicalKey + " must be true or false, was '" + value + "'";
        }
        if (isWholeNumber(shipped)) {
            return isWholeNumber(given) ? null : canonicalKey + " must be a whole number, was '" + value + "'";
        }
        return isDuration(given) ? null
                : canonicalKey + " must be an ISO-8601 duration such as PT10M, was '" + value + "'";
    }

    private static boolean isFlag(String value) {
        return value.equals("true") || value.equals("false");
    }

    private static boolean isWholeNumber(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDuration(String value) {
        try {
            Duration.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
