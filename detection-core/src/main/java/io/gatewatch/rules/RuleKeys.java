package io.gatewatch.rules;

import io.gatewatch.rules.catalogue.RuleCatalogue;
import io.gatewatch.rules.exceptions.ExceptionKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule settings there are — every key of the shipped {@code rules.properties} — and the kind
 * of value each takes, told from its shipped default (a number, a duration, true/false). Lets a
 * configuration be checked when it is loaded: a rule reads its numbers only when its topology is
 * built, after the broker answered, which is too late to say "this value is not a number".
 *
 * <p>The exception lists are rule settings as well: {@code exceptions.addresses}, {@code .asns},
 * {@code .users}, {@code .apps} (shipped, empty), and {@code rule.<RULE>.except-addresses} (and
 * {@code -asns}, {@code -users}, {@code -apps}) for every rule there is, shipped or not; their values
 * are checked entry by entry (a CIDR range, an AS number, a user principal name).
 */
public final class RuleKeys {

    /** The exception keys, for messages. */
    public static final String EXCEPTION_KEYS = "exceptions.addresses, exceptions.asns, exceptions.users, exceptions.apps, "
            + "rule.<RULE>.except-addresses, -asns, -users, -apps";

    private static final String RULE_PREFIX = "rule.";
    private static final String SUPPRESS_PREFIX = "suppress.";

    /** What every rule has besides its numbers. */
    private static final Set<String> SWITCHES = Set.of("enabled", "severity");
    private static final Set<String> SEVERITIES = Set.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    /**
     * A rule's exception list however it is spelled: {@code rule.ACCOUNT_LOCKOUT.except-asns}, and
     * {@code rule.account.lockout.except.asns}, which is all {@code GATEWATCH_RULE_ACCOUNT_LOCKOUT_EXCEPT_ASNS}
     * can become ({@code _} → {@code .}).
     */
    private static final Pattern EXCEPT_KEY = Pattern.compile(
            "rule\\.(.+)[._-]except[._-](addresses|asns|users|apps)", Pattern.CASE_INSENSITIVE);

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

    /** Whether a key is in the rules' name space ({@code rule.*}, {@code suppress.*}, {@code exceptions.*}). */
    public static boolean isRuleKey(String key) {
        return key.startsWith(RULE_PREFIX) || key.startsWith(SUPPRESS_PREFIX) || key.startsWith(ExceptionKind.GLOBAL_PREFIX);
    }

    /**
     * A rule key as the shipped file spells it: the rule name upper-cased with {@code -} and
     * {@code .} as {@code _} ({@code rule.brute.force.threshold} → {@code rule.BRUTE_FORCE.threshold}),
     * as {@link RuleSettings#fromProperties} reads it. Other keys come back as they are.
     */
    public static String canonical(String key) {
        Matcher except = EXCEPT_KEY.matcher(key);
        if (key.startsWith(RULE_PREFIX) && except.matches()) {
            return RULE_PREFIX + RuleSettings.ruleName(except.group(1)) + "." + ExceptionKind.PARAMETER_PREFIX
                    + except.group(2).toLowerCase(java.util.Locale.ROOT);
        }
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

    /**
     * Whether the canonical key is a setting of a real rule: a shipped key, or an exception list of
     * a rule there is ({@code rule.BRUTE_FORCE.except-users}).
     */
    public static boolean known(String canonicalKey) {
        return known(canonicalKey, RuleCatalogue.shipped());
    }

    /**
     * Whether the canonical key is a setting of a rule of the catalogue: a shipped key, one of the
     * numbers a rule file's rule brings, or any rule's {@code enabled}, {@code severity} and
     * exception lists ({@code rule.BRUTE_FORCE.except-users}).
     */
    public static boolean known(String canonicalKey, RuleCatalogue catalogue) {
        if (RuleSettings.shippedFile().containsKey(canonicalKey) || catalogue.defaults().containsKey(canonicalKey)) {
            return true;
        }
        String id = ruleOf(canonicalKey);
        if (id == null || !canonicalKey.startsWith(RULE_PREFIX)
                || !(catalogue.get(id).isPresent() || ruleNames().contains(id))) {
            return false;
        }
        String parameter = canonicalKey.substring(canonicalKey.lastIndexOf('.') + 1);
        return SWITCHES.contains(parameter) || ExceptionKind.ofParameter(parameter) != null;
    }

    /** The rules there are: every rule with a suppression period in the shipped file, sorted. */
    public static Set<String> ruleNames() {
        return Names.RULES;
    }

    /** Every rule's exception keys ({@code rule.BRUTE_FORCE.except-addresses}, ...), sorted. */
    public static Set<String> exceptionKeys() {
        return Names.EXCEPTION_KEYS;
    }

    /** What is wrong with a value for a known canonical key, or null when it is fine. */
    public static String problem(String canonicalKey, String value) {
        ExceptionKind kind = exceptionKind(canonicalKey);
        if (kind != null) {
            return kind.problem(canonicalKey, value);
        }
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

    /** The exception kind of a global or per-rule exception key, or null. */
    private static ExceptionKind exceptionKind(String canonicalKey) {
        if (canonicalKey.startsWith(ExceptionKind.GLOBAL_PREFIX)) {
            return ExceptionKind.ofGlobalKey(canonicalKey);
        }
        int dot = canonicalKey.lastIndexOf('.');
        return canonicalKey.startsWith(RULE_PREFIX) && dot > 0 ? ExceptionKind.ofParameter(canonicalKey.substring(dot + 1)) : null;
    }

    /** Read on first use, after the shipped file (RuleSettings reads keys while it initialises). */
    private static final class Names {

        static final Set<String> RULES = rules();
        static final Set<String> EXCEPTION_KEYS = exceptionKeys(RULES);

        private static Set<String> rules() {
            Set<String> rules = new TreeSet<>();
            RuleSettings.shippedFile().keySet().forEach(key -> {
                if (key.startsWith(SUPPRESS_PREFIX)) {
                    rules.add(key.substring(SUPPRESS_PREFIX.length()));
                }
            });
            return java.util.Collections.unmodifiableSet(rules);
        }

        private static Set<String> exceptionKeys(Set<String> rules) {
            Set<String> keys = new TreeSet<>();
            rules.forEach(rule -> {
                for (ExceptionKind kind : ExceptionKind.values()) {
                    keys.add(RULE_PREFIX + rule + "." + kind.parameter());
                }
            });
            return java.util.Collections.unmodifiableSet(keys);
        }
    }
}
