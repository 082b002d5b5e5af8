package io.gatewatch.rules;

import io.gatewatch.rules.catalogue.RuleCatalogue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /** What every rule has besides its numbers. */
    private static final Set<String> SWITCHES = Set.of("enabled", "severity");
    private static final Set<String> SEVERITIES = Set.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private RuleKeys() {
    }

    /** The rule id of a {@code rule.<ID>.<name>} or {@code suppress.<ID>} key, or null. */
    private static String ruleOf(String canonicalKey) {
        if (canonicalKey.startsWith(SUPPRESS_PREFIX)) {
            return canonicalKey.substring(SUPPRESS_PREFIX.length());
        }
        if (!canonicalKey.startsWith(RULE_PREFIX)) {
            return null;
        }
        String rest = canonicalKey.substring(RULE_PREFIX.length());
        int dot = rest.lastIndexOf('.');
        return dot <= 0 ? null : rest.substring(0, dot);
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
        return known(canonicalKey, RuleCatalogue.shipped());
    }

    /**
     * Whether the canonical key is a setting of a rule of the catalogue: a shipped number, any
     * rule's {@code enabled} or {@code severity}, or one of the numbers a rule file's rule brings.
     */
    public static boolean known(String canonicalKey, RuleCatalogue catalogue) {
        if (RuleSettings.shippedFile().containsKey(canonicalKey) || catalogue.defaults().containsKey(canonicalKey)) {
            return true;
        }
        String id = ruleOf(canonicalKey);
        return id != null && catalogue.get(id).isPresent() && SWITCHES.contains(canonicalKey.substring(canonicalKey.lastIndexOf('.') + 1));
    }

    /** What is wrong with a value for a known canonical key, or null when it is fine. */
    public static String problem(String canonicalKey, String value) {
        if (canonicalKey.startsWith(RULE_PREFIX) && canonicalKey.endsWith(".severity")) {
            return SEVERITIES.contains(value.strip().toUpperCase(Locale.ROOT)) ? null
                    : canonicalKey + " must be INFO, LOW, MEDIUM, HIGH or CRITICAL, was '" + value + "'";
        }
        if (canonicalKey.startsWith(RULE_PREFIX) && canonicalKey.endsWith(".enabled")) {
            return isFlag(value.strip()) ? null : canonicalKey + " must be true or false, was '" + value + "'";
        }
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
